using Procurator.Ci;
using Procurator.Diagnostics;
using Procurator.Rendering;

namespace Procurator.Output.Targets.GithubActions;

/// <summary>
/// The GitHub Actions workflow of <c>ci github</c>, at <c>.github/workflows/procurator.yml</c> in the
/// repository root (the command's <c>-o</c> may put it elsewhere). Its paths are relative to that root,
/// where CI checks out.
/// </summary>
internal sealed class GithubWorkflowTarget : IOutputTarget
{
    public string Name => "github workflow";

    /// <summary>The runner must be able to get procurator: from the flake the script names.</summary>
    public IReadOnlyList<Diagnostic> Problems(OutputContext context) =>
        GithubWorkflow.ProcuratorSource(context.Model) is { } problem
            ? [Diagnostic.Error(ErrorCodes.NoProcuratorSource, problem, new SourceLocation(context.Layout.ScriptPath, 1, 1))]
            : [];

    public IReadOnlyList<OutputFile> Render(OutputContext context)
    {
        var root = context.RepositoryRoot;
        string FromRoot(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
        var yaml = GithubWorkflow.Render(context.Model, FromRoot(context.Layout.ScriptPath), FromRoot(context.Layout.OutputDirectory), context.Templates);
        return [new(Path.Combine(root, ".github", "workflows", "procurator.yml"), yaml, "GitHub workflow", FileSyntax.Yaml, GeneratedMark.Comment)];
    }
}
