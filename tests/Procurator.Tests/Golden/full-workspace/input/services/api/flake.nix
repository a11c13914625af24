{
  description = "api";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: {
    devShells = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ] (system: {
      default = nixpkgs.legacyPackages.${system}.mkShell { name = "api-own"; };
    });
  };
}
