# Written by `procurator init` from what it found in this repository; edit it freely.
# A Procurator workspace takes this flake as a project input: its devShells.<system>.default
# becomes the project's shell there.
{
  description = "acme-web-app: node (written by procurator init)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs, ... }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems f;
      lines = builtins.concatStringsSep "\n";
      # The toolchain found: node v20.11.1
      toolchain = pkgs: [ pkgs.pnpm pkgs.nodejs_20 ];
    in
    {
      # What `procurator init` found, for tools and for a workspace that imports this repository.
      procurator = {
        name = "acme-web-app";
        packages = [ "pnpm" "nodejs_20" ];
        checks = {
          lint = "pnpm run lint";
          test = "pnpm test";
          typecheck = "pnpm run typecheck";
        };
        processes = {
          dev = "pnpm run dev";
          start = "pnpm start";
        };
        ports = [ 3000 ];
        services = {
        };
      };

      # The toolchain as one package: nix build .#toolchain
      packages = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          toolchain = pkgs.buildEnv { name = "acme-web-app-toolchain"; paths = toolchain pkgs; };
        });

      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.mkShell {
            name = "acme-web-app";
            packages = toolchain pkgs;
          };
        });

      # Each check runs its command on a copy of the source with the toolchain. Commands that
      # download dependencies need network access, which a sandboxed build has not: run those
      # in the dev shell instead (nix develop -c <command>).
      checks = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          lint = pkgs.runCommand "acme-web-app-lint" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "pnpm run lint"
            "touch $out"
          ]);
          test = pkgs.runCommand "acme-web-app-test" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "pnpm test"
            "touch $out"
          ]);
          typecheck = pkgs.runCommand "acme-web-app-typecheck" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "pnpm run typecheck"
            "touch $out"
          ]);
        });
    };
}
