# Offline stand-in for the few parts of nixpkgs that nix/package (the procurator package)
# uses: lib.genAttrs, lib.platforms, callPackage, buildDotnetModule, dotnetCorePackages.
# buildDotnetModule builds nothing: it returns its arguments under `args`, so a test reads
# exactly what package.nix passes (see NixPackageEvalTests). pkgs.nix also works without
# flakes: `import ./pkgs.nix { system = "x86_64-linux"; }`.
{
  description = "Procurator test stand-in for nixpkgs' .NET builder (offline, nothing builds)";

  outputs = { self }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      pkgsFor = system: import ./pkgs.nix { inherit system; };
    in
    {
      lib = (pkgsFor "x86_64-linux").lib;
      legacyPackages = builtins.listToAttrs (map (system: { name = system; value = pkgsFor system; }) systems);
    };
}
