# The package set of the .NET stand-in (see flake.nix). Packages are attribute sets with an
# `outPath` under /nix/store/000…000-<name>, so `"${pkg}"` names the attribute that was used.
{ system }:
let
  storePath = name: "/nix/store/00000000000000000000000000000000-${name}";
  stubPackage = attrPath: { type = "stub-package"; name = attrPath; outPath = storePath attrPath; };

  lib = {
    genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
    # The four systems nixpkgs' .NET SDK is built for (the real lists are longer).
    platforms = {
      linux = [ "x86_64-linux" "aarch64-linux" ];
      darwin = [ "x86_64-darwin" "aarch64-darwin" ];
    };
  };

  pkgs = {
    inherit lib system;

    # Like nixpkgs: a function (or a file holding one) gets its named arguments from this set,
    # then the explicit ones.
    callPackage = fn: overrides:
      let f = if builtins.isFunction fn then fn else import fn;
      in f (builtins.intersectAttrs (builtins.functionArgs f) pkgs // overrides);

    buildDotnetModule = args: {
      type = "stub-dotnet-module";
      inherit args;
      outPath = storePath "${args.pname}-${args.version}";
    };

    dotnetCorePackages = {
      sdk_10_0 = stubPackage "dotnetCorePackages.sdk_10_0";
      runtime_10_0 = stubPackage "dotnetCorePackages.runtime_10_0";
    };
  };
in
pkgs
