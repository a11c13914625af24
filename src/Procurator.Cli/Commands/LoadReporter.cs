using Procurator.Diagnostics;

namespace Procurator.Cli.Commands;

/// <summary>Loads a workspace for a command and prints its diagnostics; says which exit code a failure means.</summary>
internal static class LoadReporter
{
    public static async Task<(LoadResult Result, int? FailureExitCode)> LoadAsync(
        CliContext cli, string script, string? outputDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(cli.FullPath(script)))
        {
            await cli.Error.WriteLineAsync($"procurator: error {ErrorCodes.ScriptNotFound}: script '{script}' was not found (looked in {cli.CurrentDirectory})");
            return (null!, ExitCodes.ScriptError);
        }

        var result = await WorkspaceLoader.LoadAsync(cli.FullPath(script), outputDirectory is null ? null : cli.FullPath(outputDirectory), cancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            await cli.Error.WriteLineAsync(DiagnosticFormatter.Format(diagnostic, cli.CurrentDirectory));
        }

        if (result.Succeeded)
        {
            return (result, null);
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        await cli.Error.WriteLineAsync($"procurator: {errors} error{(errors == 1 ? "" : "s")}; nothing was written");
        return (result, result.ScriptFailed ? ExitCodes.ScriptError : ExitCodes.Invalid);
    }
}
