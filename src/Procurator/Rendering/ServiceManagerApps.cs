using Procurator.Model;
using Procurator.Nix;
using Scriban.Runtime;

namespace Procurator.Rendering;

/// <summary>
/// <c>nix run .#up</c> (and <c>down</c>, <c>status</c>, <c>logs</c>): the service manager, run in the
/// caller's folder (the workspace, beside <c>procurator.json</c>), with
/// the services' packages from nixpkgs first on PATH. <c>procurator</c> comes from the flake input
/// <c>procurator</c> (<c>packages.&lt;system&gt;.default</c>, <c>bin/procurator</c>) when the script names
/// one with <c>Workspace.ProcuratorFlake(...)</c>, else from PATH.
/// </summary>
internal static class ServiceManagerApps
{
    public static IReadOnlyList<string> Commands { get; } = ["up", "down", "status", "logs"];

    /// <summary>The Nix expression of the <c>procurator</c> executable the flake input provides.</summary>
    public const string InputExecutable = "inputs.procurator.packages.${system}.default";

    public static ScriptObject App(string command, WorkspaceModel model) => new()
    {
        ["attr"] = NixWriter.AttrName(command),
        ["name"] = NixWriter.String($"procurator-{command}"),
        ["comment"] = $"nix run .#{command}: procurator {command}{(command == "up" ? " --model ./procurator.json" : "")} in the current folder, the services' packages on PATH",
        ["script"] = Script(command, model).ToArray(),
    };

    /// <summary>The script's lines, each a Nix string expression.</summary>
    internal static IEnumerable<string> Script(string command, WorkspaceModel model)
    {
        var name = $"procurator-{command}";
        yield return NixWriter.String("set -eu");
        yield return NixWriter.String(
            $"if [ ! -f procurator.json ]; then echo \"{name}: no procurator.json in $PWD; run this in the workspace folder (beside flake.nix)\" >&2; exit 1; fi");

        var packages = ServicePackages.For(model.Services);
        if (packages.Count > 0)
        {
            // export PATH=${pkgs.postgresql_15}/bin:${pkgs.redis}/bin${PATH:+:$PATH}
            var parts = new List<NixPart> { NixPart.Literal("export PATH=") };
            // A for loop, not Select((p, i) => (p, i)) (see "Warm runs" in docs/ARCHITECTURE.md).
            for (var index = 0; index < packages.Count; index++)
            {
                parts.Add(NixPart.Literal(index == 0 ? "" : ":"));
                parts.Add(NixPart.Expression(NixWriter.Select("pkgs", packages[index].Split('.'))));
                parts.Add(NixPart.Literal("/bin"));
            }

            parts.Add(NixPart.Literal("${PATH:+:$PATH}"));
            yield return NixWriter.Interpolated(parts);
        }

        var arguments = command == "up" ? $"{command} --model ./procurator.json \"$@\"" : $"{command} \"$@\"";
        if (model.ProcuratorFlake is null)
        {
            yield return NixWriter.String(
                $"if ! command -v procurator >/dev/null 2>&1; then echo '{name}: procurator is not on PATH; install it (scripts/install-tool.sh in a clone of Procurator), or name a flake that provides it with Workspace.ProcuratorFlake(...) in the script' >&2; exit 127; fi");
            yield return NixWriter.String($"exec procurator {arguments}");
        }
        else
        {
            yield return NixWriter.Interpolated(
            [
                NixPart.Literal("exec "),
                NixPart.Expression(InputExecutable),
                NixPart.Literal($"/bin/procurator {arguments}"),
            ]);
        }
    }
}
