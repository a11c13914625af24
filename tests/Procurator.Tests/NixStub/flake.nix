# Offline stand-in for nixpkgs, for tests only (see pkgs.nix and lib.nix; the C# side is
# tests/Procurator.Tests/Support/NixCli.cs). Nothing here is a derivation: packages are
# attribute sets with an `outPath` ("/nix/store/000…000-<attr path>"), so `"${pkg}"` works
# and `nix eval --json` prints them as that string; `mkShell` returns its arguments.
#
# Working command line on Nix 2.8.0 (checked offline; DIR holds a flake whose
# inputs.nixpkgs.url is "github:NixOS/nixpkgs/nixos-unstable", STUB is this directory):
#
#   XDG_CACHE_HOME=$(mktemp -d) nix --extra-experimental-features 'nix-command flakes' \
#     eval --json --no-write-lock-file --offline --option eval-cache false \
#     "path:$DIR#devShells.x86_64-linux.default" --override-input nixpkgs "path:$STUB"
#
#   path:                    DIR is copied as a plain tree. A bare path inside a git checkout
#                            copies only files git tracks (fresh generated files "missing").
#   --override-input         replaces the github input; nothing is fetched. With an override
#                            2.8 never writes flake.lock (it warns "not writing modified lock
#                            file" on stderr every time; harmless), so read-only DIRs work.
#   --no-write-lock-file     belt and braces for the above.
#   --offline                no substituters or TTL look-ups. A github input that is NOT
#                            overridden still fails ("unable to download ...").
#   eval-cache false         otherwise a sqlite eval cache is written under
#                            $XDG_CACHE_HOME/nix (else $HOME/.cache/nix, created even if HOME
#                            does not exist; with HOME unset, the passwd home).
#   XDG_CACHE_HOME=tmp       keeps any other cache out of $HOME and apart per process.
#   optional: --apply 'x: …' to post-process; --recreate-lock-file to ignore a stale
#   flake.lock (2.8 keeps a `path:./sub` input at its locked hash, so sub-flake edits are
#   silently ignored while a flake.lock exists); --show-trace for better errors.
#
# Sub-flakes: `inputs.api = { url = "path:./api"; inputs.nixpkgs.follows = "nixpkgs"; };`
# works with the same command (the override reaches api through `follows`). Without
# `follows`, add `--override-input api/nixpkgs "path:$STUB"` or it tries GitHub.
#
# Pitfalls seen on 2.8: `path:` URLs are not percent-decoded, so DIR/STUB must not contain
# spaces, '#', '?' or '%' (copy them elsewhere; a symlink to DIR fails with "escapes from");
# `nix flake lock --override-input nixpkgs path:$STUB` WRITES the stub path into flake.lock;
# `#name` is tried as packages.<system>.name and legacyPackages.<system>.name before `name`;
# on an evaluation error stdout may already hold partial JSON (check the exit code first).
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
