using Procurator.Model;
using Procurator.Rendering;

namespace Procurator.Output;

/// <summary>What every target renders from: the resolved model, where the workspace is, and the templates.</summary>
/// <param name="Model">The resolved workspace.</param>
/// <param name="Layout">The script, and the folder the workspace's files go to.</param>
/// <param name="CurrentDirectory">Where the command runs: the repository root outside git.</param>
/// <param name="Templates">The Scriban templates (<c>--templates</c>, else the embedded ones).</param>
internal sealed record OutputContext(WorkspaceModel Model, WorkspaceLayout Layout, string CurrentDirectory, TemplateSource Templates)
{
    /// <summary>Where each project and service was declared, for located diagnostics of a target; empty when the model came from a cache.</summary>
    public IReadOnlyDictionary<string, ScriptSite> Sites { get; init; } = new Dictionary<string, ScriptSite>();

    /// <summary>The script's file name, which generated files name as their source.</summary>
    public string ScriptName => Path.GetFileName(Layout.ScriptPath);

    /// <summary>Where CI checks out: the git root around the script, else the current folder.</summary>
    public string RepositoryRoot => IO.GitRepository.RootOf(Layout.ScriptDirectory) ?? CurrentDirectory;

    /// <summary>A full path in the output folder.</summary>
    public string InOutputDirectory(string name) => Path.Combine(Layout.OutputDirectory, name);
}
