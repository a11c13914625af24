using Procurator.Graph;

namespace Procurator.Cli.Commands;

/// <summary>Loads a workspace and builds its graph, for the graph, impact, affected and plan commands.</summary>
internal static class GraphLoader
{
    public static async Task<(LoadedWorkspace? Workspace, WorkspaceGraph? Graph, int ExitCode)> LoadAsync(
        CliContext cli, ScriptRequest request, CancellationToken cancellationToken)
    {
        var output = new CommandOutput(cli, request with { Format = OutputFormat.Text });
        var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken, reuseModel: true);
        return workspace is null ? (null, null, exitCode) : (workspace, WorkspaceGraph.From(workspace.Model), ExitCodes.Ok);
    }

    /// <summary>Resolves every node argument; prints each one that does not resolve.</summary>
    public static async Task<IReadOnlyList<string>?> ResolveAsync(CliContext cli, WorkspaceGraph graph, IEnumerable<string> names)
    {
        var ids = new List<string>();
        var ok = true;
        foreach (var name in names)
        {
            var (id, error) = NodeResolver.Resolve(graph, name);
            if (id is null)
            {
                await cli.Error.WriteLineAsync($"procurator: error: {error}");
                ok = false;
            }
            else
            {
                ids.Add(id);
            }
        }

        return ok ? ids : null;
    }
}
