using Procurator.Graph;
using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>
/// <c>procurator.visualize.sh</c>: the script of the flake's <c>visualize</c> app (see
/// <see cref="FlakeViewModel.VisualizeScript"/>), which the flake reads with
/// <c>builtins.readFile</c>. A file of its own keeps the graph's pages out of
/// <c>flake.nix</c>, so Nix parses (and Procurator writes and checks) a much smaller flake.
/// </summary>
internal static class VisualizeFile
{
    public const string Name = "procurator.visualize.sh";

    public static string Render(WorkspaceModel model, string scriptName)
    {
        var text = new System.Text.StringBuilder();
        // The marker line lets run replace the file and never a hand-written one.
        text.Append("# ").Append(GeneratedMarker.Text).Append(" from ").Append(scriptName.ReplaceLineEndings(" "))
            .Append(". Do not edit: change the script and run `procurator run`.\n");
        foreach (var line in FlakeViewModel.VisualizeScript(WorkspaceGraph.From(model), model))
        {
            text.Append(line).Append('\n');
        }

        return GeneratedFileCheck.EndsWith(Name, text.ToString(), "esac\n");
    }
}
