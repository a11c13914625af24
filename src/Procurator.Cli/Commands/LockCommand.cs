using System.CommandLine;
using Procurator.Nix.Locks;

namespace Procurator.Cli.Commands;

/// <summary>
/// <c>procurator lock</c>: re-locks the master flake's project inputs whose folders changed since
/// <c>flake.lock</c> pinned them (Nix keeps using the pinned copy otherwise). Reads no script.
/// </summary>
internal static class LockCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("lock", "Refresh flake.lock for the project flakes that changed since they were locked (nix flake lock --update-input ...)")
        {
            Control.ControlTarget.ScriptArgument(),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var script = parse.GetValue<string>("file") ?? CommonOptions.DefaultScript;
            var directory = Control.ControlTarget.WorkspaceDirectory(cli, script);
            var output = new CommandOutput(cli, new ScriptRequest(script, NoCache: false, TimeoutSeconds: 0, Verbose: false, OutputFormat.Text));
            if (!File.Exists(Path.Combine(directory, "flake.nix")))
            {
                await cli.Error.WriteLineAsync($"procurator: error: no flake.nix in {directory}; run `procurator run` first");
                return ExitCodes.Invalid;
            }

            if (!File.Exists(Path.Combine(directory, "flake.lock")))
            {
                await cli.Out.WriteLineAsync("flake.lock does not exist yet: Nix writes it on the flake's first use (or run `nix flake lock`)");
                return ExitCodes.Ok;
            }

            if (FlakeLockFreshness.Stale(directory).Count == 0)
            {
                await cli.Out.WriteLineAsync("flake.lock is up to date with every project flake");
                return ExitCodes.Ok;
            }

            return await LockRefresher.RefreshAsync(cli, output, directory, cancellationToken) ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}
