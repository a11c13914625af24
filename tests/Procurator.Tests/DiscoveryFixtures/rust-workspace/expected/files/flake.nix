# Written by `procurator init` from what it found in this repository; edit it freely.
# A Procurator workspace takes this flake as a project input: its devShells.<system>.default
# becomes the project's shell there.
{
  description = "rust-workspace: rust (written by procurator init)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs, ... }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems f;
      lines = builtins.concatStringsSep "\n";
      # The toolchain found: rust 1.78.0
      toolchain = pkgs: [ pkgs.cargo pkgs.rustc ];
    in
    {
      # What `procurator init` found, for tools and for a workspace that imports this repository.
      procurator = {
        name = "rust-workspace";
        packages = [ "cargo" "rustc" ];
        checks = {
          test = "cargo test --workspace";
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
          toolchain = pkgs.buildEnv { name = "rust-workspace-toolchain"; paths = toolchain pkgs; };
        });

      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.mkShell {
            name = "rust-workspace";
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
          test = pkgs.runCommand "rust-workspace-test" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "cargo test --workspace"
            "touch $out"
          ]);
        });
    };
}
