# Offline stand-in for nixpkgs, for tests only (see pkgs.nix and lib.nix).
#
# Working command line on Nix 2.8 (checked; DIR holds a flake whose inputs.nixpkgs.url
# is "github:NixOS/nixpkgs/nixos-unstable", STUB is this directory):
#
#   XDG_CACHE_HOME=$(mktemp -d) nix --extra-experimental-features 'nix-command flakes' \
#     eval --json --offline --no-write-lock-file \
#     "path:$DIR#devShells.x86_64-linux.default" --override-input nixpkgs "path:$STUB"
#
#   path:                 copy DIR as a plain tree (a bare path inside a git checkout copies
#                         only files git tracks, so freshly generated files are missing)
#   --override-input      replace the github input; nothing is fetched
#   --no-write-lock-file  otherwise Nix writes DIR/flake.lock (fails on read-only DIRs)
#   --offline             never try the network (tarball/registry TTL look-ups)
#   XDG_CACHE_HOME        Nix keeps its fetcher cache (~/.cache/nix) there; a temp dir
#                         keeps test runs from touching or depending on $HOME
#
# A sub-flake input `inputs.api = { url = "path:./api"; inputs.nixpkgs.follows = "nixpkgs"; }`
# works with the same command; the override reaches it through `follows`.
{
  description = "Procurator test stand-in for nixpkgs (offline, nothing builds)";

  outputs = { self }:
    let
      lib = import ./lib.nix;
    in
    {
      inherit lib;
      legacyPackages = lib.genAttrs lib.systems.flakeExposed
        (system: import ./pkgs.nix { inherit system; });
    };
}
