# Offline stand-in for the `procurator` input of generated master flakes (see
# src/Procurator/Rendering/ServiceManagerApps.cs): the apps need only
# packages.<system>.default with bin/procurator. Nothing here builds; the package is an
# attribute set whose outPath is "/nix/store/00000000000000000000000000000000-procurator",
# so "${pkg}/bin/procurator" shows exactly what a generated app runs. Tests pass it as
# `--override-input procurator path:$THIS_DIR` (Support/NixCli.cs does so on every eval).
{
  description = "Procurator test stand-in for the procurator tool flake (offline, nothing builds)";

  outputs = { self }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      package = {
        type = "stub-package";
        pname = "procurator";
        name = "procurator";
        version = "0.0.0-stub";
        outPath = "/nix/store/00000000000000000000000000000000-procurator";
        meta.mainProgram = "procurator";
      };
    in
    {
      packages = builtins.listToAttrs (map (system: { name = system; value = { default = package; }; }) systems);
    };
}
