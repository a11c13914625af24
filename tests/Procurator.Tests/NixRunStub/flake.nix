# A third stand-in for nixpkgs, for `nix run .#<app>` (Up/StateOutsideTheFlakeTests.cs): an
# app's program must be a real executable in the store, so writeShellScript builds one (a
# trivial derivation, /bin/sh as builder: build with `--option sandbox false` and, without a
# nixbld group, `--option build-users-group ''`). Service packages are plain attribute sets
# whose outPath names no real folder, so `${pkgs.postgresql_15}/bin` on PATH adds nothing and
# the programs come from the machine. The main stub (../NixStub) returns scripts as text.
{
  outputs = { self }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
      package = name: { type = "stub-package"; inherit name; outPath = "/nix/store/00000000000000000000000000000000-${name}"; };
      packages = names: genAttrs names package;
    in
    {
      lib = { inherit genAttrs; };
      legacyPackages = genAttrs systems (system: packages [
        "postgresql" "postgresql_14" "postgresql_15" "postgresql_16" "postgresql_17" "redis"
      ] // {
        mkShell = args: derivation { name = args.name or "shell"; inherit system; builder = "/bin/sh"; args = [ "-c" "echo > $out" ]; };
        writeShellScript = name: text: derivation {
          inherit name system text;
          builder = "/bin/sh";
          args = [ "-c" "printf '#!/bin/sh\\n%s\\n' \"$text\" > $out && /bin/chmod +x $out" ];
        };
      });
    };
}
