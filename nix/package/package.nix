# The procurator command, built from source with nixpkgs' .NET builder. `src` is the
# repository root (see flake.nix). ./deps.json comes from scripts/update-nix-deps.sh, which
# reads projectFile and dotnetFlags from this file: keep each on one line.
{ lib, buildDotnetModule, dotnetCorePackages, src }:

buildDotnetModule {
  pname = "procurator";
  version = "0.1.0";

  inherit src;
  projectFile = "src/Procurator.Cli/Procurator.Cli.csproj";
  nugetDeps = ./deps.json;

  dotnet-sdk = dotnetCorePackages.sdk_10_0;
  dotnet-runtime = dotnetCorePackages.runtime_10_0;

  # ReadyToRun needs the runtime pack for the target from NuGet (in deps.json); the
  # tool-packing settings of the csproj do not apply to a plain publish.
  dotnetFlags = [ "-p:PackAsTool=false" ];
  executables = [ "procurator" ];

  meta = {
    description = "One C# script describes a multi-project workspace; get a master flake.nix from it";
    mainProgram = "procurator";
    platforms = lib.platforms.linux ++ lib.platforms.darwin;
  };
}
