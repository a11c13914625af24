using Procurator.Nix.Locks;

namespace Procurator.Cli.Commands;

/// <summary>
/// Keeps the master's <c>flake.lock</c> in step with the project flakes: the inputs whose folders
/// changed since they were locked are re-locked with Nix, or, without Nix, the user is told the
/// one command that does it. Used by <c>run</c> (after writing) and <c>lock</c>.
/// </summary>
internal static class LockRefresher
{
    /// <summary>Refreshes what is stale; true when the lock is fresh afterwards (or there is none).</summary>
    public static async Task<bool> RefreshAsync(CliContext cli, CommandOutput output, string workspaceDirectory, CancellationToken cancellationToken)
    {
        var stale = FlakeLockFreshness.Stale(workspaceDirectory);
        if (stale.Count == 0)
        {
            return true;
        }

        var names = string.Join(", ", stale.Select(s => $"{s.Input} ({s.Path})"));
        var command = NixLockUpdate.CommandFor(stale);
        output.Field("staleInputs", json =>
        {
            json.WriteStartArray();
            foreach (var input in stale)
            {
                json.WriteStringValue(input.Input);
            }

            json.WriteEndArray();
        });
        if (cli.FindNix() is not { } nix)
        {
            await output.ProblemAsync($"procurator: warning: flake.lock pins old copies of {names}, changed since they were locked; nix is not on PATH: run `{command}` in {Shown(cli, workspaceDirectory)}");
            return false;
        }

        var (exitCode, text) = await NixLockUpdate.RunAsync(nix, workspaceDirectory, stale, cancellationToken);
        if (exitCode != 0)
        {
            var reason = text.Split('\n').LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? text;
            await output.ProblemAsync($"procurator: warning: flake.lock pins old copies of {names}; `{command}` failed (exit {exitCode}): {reason.Trim()}");
            return false;
        }

        await output.MessageAsync($"refreshed flake.lock: {names} changed since locked ({command})");
        return true;
    }

    private static string Shown(CliContext cli, string directory)
    {
        var relative = Path.GetRelativePath(cli.CurrentDirectory, directory);
        return relative == "." ? "this folder" : relative;
    }
}
