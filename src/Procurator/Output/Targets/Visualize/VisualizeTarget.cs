using Procurator.Graph;
using Procurator.Rendering;

namespace Procurator.Output.Targets.Visualize;

/// <summary>
/// <c>procurator.visualize.sh</c>: the script of the flake's <c>visualize</c> app (see
/// <see cref="FlakeViewModel.VisualizeScript"/>), which the flake reads with
/// <c>builtins.readFile</c>. A file of its own keeps the graph's pages out of
/// <c>flake.nix</c>, so Nix parses (and Procurator writes and checks) a much smaller flake.
/// </summary>
internal sealed class VisualizeTarget : IOutputTarget
{
    public const string FileName = "procurator.visualize.sh";

    public string Name => "visualize";

    public IReadOnlyList<OutputFile> Render(OutputContext context)
    {
        var text = new System.Text.StringBuilder();
        // The marker line lets run replace the file and never a hand-written one.
        text.Append("# ").Append(GeneratedMarker.Text).Append(" from ").Append(context.ScriptName.ReplaceLineEndings(" "))
            .Append(". Do not edit: change the script and run `procurator run`.\n");
        foreach (var line in FlakeViewModel.VisualizeScript(WorkspaceGraph.From(context.Model), context.Model))
        {
            text.Append(line).Append('\n');
        }

        // Made of fixed lines and shell-quoted values: only a cut could break it.
        return [new(context.InOutputDirectory(FileName), text.ToString(), FileName, FileSyntax.EndingWith("esac\n"), GeneratedMark.Comment)];
    }
}
