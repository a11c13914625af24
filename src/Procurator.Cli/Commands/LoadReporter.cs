using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Cli.Commands;

/// <summary>A workspace that loaded: its model and where its files are.</summary>
internal sealed record LoadedWorkspace(WorkspaceModel Model, WorkspaceLayout Layout);

/// <summary>Loads a workspace for a command and prints its diagnostics; on failure, says which exit code it means.</summary>
internal static class LoadReporter
{
    public static async Task<(LoadedWorkspace? Workspace, int ExitCode)> LoadAsync(
        CliContext cli, string script, string? outputDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(cli.FullPath(script)))
        {
            await cli.Error.WriteLineAsync($"procurator: error {ErrorCodes.ScriptNotFound}: script '{script}' was not found (looked in {cli.CurrentDirectory})");
            return (null, ExitCodes.ScriptError);
        }

        var result = await WorkspaceLoader.LoadAsync(cli.FullPath(script), outputDirectory is null ? null : cli.FullPath(outputDirectory), cancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            await cli.Error.WriteLineAsync(DiagnosticFormatter.Format(diagnostic, cli.CurrentDirectory));
        }

        if (result.Model is { } model)
        {
            return (new LoadedWorkspace(model, result.Layout), ExitCodes.Ok);
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        await cli.Error.WriteLineAsync($"procurator: {errors} error{(errors == 1 ? "" : "s")}; nothing was written");
        return (null, result.ScriptFailed ? ExitCodes.ScriptError : ExitCodes.Invalid);
    }
}
