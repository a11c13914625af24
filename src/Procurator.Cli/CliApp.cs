using System.CommandLine;
using Procurator.Cli.Commands;

namespace Procurator.Cli;

/// <summary>The <c>procurator</c> command line: parses, then hands off to one command.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Procurator: one C# script describes a multi-project workspace; get a master flake.nix from it")
        {
            RunCommand.Create(cli),
            ValidateCommand.Create(cli),
            EvalCommand.Create(cli),
            CacheCommand.Create(cli),
            InitCommand.Create(cli),
            GraphCommand.Create(cli),
            ImpactCommand.Create(cli),
            AffectedCommand.Create(cli),
            PlanCommand.Create(cli),
            CheckCommand.Create(cli),
            CiCommand.Create(cli),
            Commands.Up.UpCommand.Create(cli),
            ImportCommand.Create(cli),
            Commands.Control.StatusCommand.Create(cli),
            Commands.Control.LogsCommand.Create(cli),
            Commands.Control.UnitCommands.Create(cli, "start", "Ask the running manager to start units (and their dependencies); a stopped or failed unit starts over"),
            Commands.Control.UnitCommands.Create(cli, "stop", "Ask the running manager to stop units (TERM, then KILL after the grace period); dependents keep running"),
            Commands.Control.UnitCommands.Create(cli, "restart", "Ask the running manager to restart units; dependents not started yet wait for them again"),
            Commands.Control.DownCommand.Create(cli),
            Commands.Control.EventsCommand.Create(cli),
        };

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(cli);
        }

        var parse = root.Parse(args);
        // No termination timeout: `up` handles SIGINT/SIGTERM itself (stop in order, a second
        // Ctrl-C kills), and other commands keep the default behaviour of being interrupted.
        var invocation = new InvocationConfiguration { Output = cli.Out, Error = cli.Error, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await cli.Error.WriteLineAsync($"procurator: {error.Message}");
            }

            await cli.Error.WriteLineAsync("Run 'procurator --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
