# The `procurator` command as a Nix package. Reference it from a clone, or from a fork or URL
# you host (this project publishes none; generated master flakes default to no URL):
#
#   inputs.procurator.url = "git+file:///path/to/clone?dir=nix/package";
#
# Any flake whose packages.<system>.default has bin/procurator works as well
# (Workspace.ProcuratorFlake("...") in procurator.csx), and Workspace.ProcuratorFlake(null)
# makes the apps use the procurator on PATH instead.
#
# This flake lives in a sub-folder because the repository's root flake.nix is generated from
# procurator.csx (the dogfood workspace). Its source is the whole repository (../..), which a
# `git+file:…?dir=nix/package` (or `github:…?dir=nix/package`) reference fetches; a
# `path:./nix/package` reference copies only this folder and cannot build.
#
# ./deps.json, the NuGet lock buildDotnetModule needs, is written by scripts/update-nix-deps.sh
# (a real restore, no Nix needed; where nixpkgs can be fetched, nixpkgs' own
# `nix build .?dir=nix/package#default.fetch-deps && ./result nix/package/deps.json` does the
# same). Tests check it against the CLI's restore and evaluate this flake against a stand-in
# nixpkgs; it has not been built with the real nixpkgs.
{
  description = "procurator: one C# script describes a multi-project workspace; get a master flake.nix from it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      systems = [ "aarch64-darwin" "aarch64-linux" "x86_64-darwin" "x86_64-linux" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems f;
    in
    {
      packages = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.callPackage ./package.nix { src = ../..; };
        });

      apps = forAllSystems (system: {
        default = {
          type = "app";
          program = "${self.packages.${system}.default}/bin/procurator";
        };
      });
    };
}
