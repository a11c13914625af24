# Offline stand-in for `import nixpkgs { inherit system; }`. See flake.nix for the details.
{ system ? builtins.currentSystem, ... }:
import ./pkgs.nix { inherit system; }
