# Written by `procurator init` from what it found in this repository; edit it freely.
# A Procurator workspace takes this flake as a project input: its devShells.<system>.default
# becomes the project's shell there.
{
  description = "orders: dotnet (written by procurator init)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs, ... }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems f;
      lines = builtins.concatStringsSep "\n";
      # The toolchain found: dotnet 8.0.204
      toolchain = pkgs: [ pkgs.dotnet-sdk_8 ];
    in
    {
      # What `procurator init` found, for tools and for a workspace that imports this repository.
      procurator = {
        name = "orders";
        packages = [ "dotnet-sdk_8" ];
        checks = {
          test = "dotnet test";
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
          toolchain = pkgs.buildEnv { name = "orders-toolchain"; paths = toolchain pkgs; };
        });

      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.mkShell {
            name = "orders";
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
          test = pkgs.runCommand "orders-test" { nativeBuildInputs = toolchain pkgs; } (lines [
            "cp -r ${self}/. . && chmod -R u+w ."
            "dotnet test"
            "touch $out"
          ]);
        });
    };
}
