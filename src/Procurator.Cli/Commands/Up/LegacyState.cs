using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// Older versions kept the state in the workspace, under <c>.procurator/</c> (<c>data/</c>, <c>logs/</c>).
/// <c>up</c> says once that it is no longer used; it may hold a database someone wants, so it is never deleted here.
/// </summary>
internal static class LegacyState
{
    public const string Folder = ".procurator";

    /// <summary>The warning for <paramref name="workspace"/>, or null when it has no old state folder.</summary>
    public static string? Warning(CliContext cli, string workspace, StatePaths state)
    {
        var old = Path.Combine(workspace, Folder);
        if (!Directory.Exists(Path.Combine(old, "data")) && !Directory.Exists(Path.Combine(old, "logs")))
        {
            return null;
        }

        return $"procurator: warning: {Path.GetRelativePath(cli.CurrentDirectory, old)}{Path.DirectorySeparatorChar} is no longer used " +
            $"(state now lives in {state.Directory}); you can delete it";
    }
}
