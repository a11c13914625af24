# The `procurator` command as a Nix package. Generated master flakes take their up/down/
# status/logs apps' `procurator` from here by default:
#
#   inputs.procurator.url = "github:procurator-dev/procurator?dir=nix/package";
#
# Any flake whose packages.<system>.default has bin/procurator works as well
# (Workspace.ProcuratorFlake("...") in procurator.csx), and Workspace.ProcuratorFlake(null)
# makes the apps use the procurator on PATH instead.
#
# This flake lives in a sub-folder because the repository's root flake.nix is generated from
# procurator.csx (the dogfood workspace). Its source is the whole repository (../..), which a
# `github:…?dir=nix/package` or `git+file:…?dir=nix/package` reference fetches; a
# `path:./nix/package` reference copies only this folder and cannot build.
#
# Not built in this repository's CI: buildDotnetModule needs ./deps.json, the NuGet lock,
# which needs network to create. Generate it (and commit it) with:
#
#   nix build .?dir=nix/package#default.fetch-deps && ./result nix/package/deps.json
#
# (the fetch-deps script restores the solution and writes every NuGet package with its hash).
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
