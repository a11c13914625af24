# Written by `procurator init` from what it found in this repository; edit it freely.
# A Procurator workspace takes this flake as a project input: its devShells.<system>.default
# becomes the project's shell there.
{
  description = "blog: php (written by procurator init)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs, ... }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems f;
      lines = builtins.concatStringsSep "\n";
      # The toolchain found: php ^8.2
      toolchain = pkgs: [ pkgs.php ];
    in
    {
      # What `procurator init` found, for tools and for a workspace that imports this repository.
      procurator = {
        name = "blog";
        packages = [ "php" ];
        checks = {
          lint = "composer run-script lint";
          test = "composer run-script test";
        };
        processes = {
        };
        ports = [ ];
        services = {
        };
      };

      # The toolchain as one package: nix build .#toolchain
      packages = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          toolchain = pkgs.buildEnv { name = "blog-toolchain"; paths = toolchain pkgs; };
        });

      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.mkShell {
            name = "blog";
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
          lint = pkgs.runCommand "blog-lint" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "composer run-script lint"
            "touch $out"
          ]);
          test = pkgs.runCommand "blog-test" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "composer run-script test"
            "touch $out"
          ]);
        });
    };
}
