using System.CommandLine;
using Procurator.Cli.Commands;

namespace Procurator.Cli;

/// <summary>The <c>procurator</c> command line: parses, then hands off to one command.</summary>
internal static class CliApp
{
    /// <summary>Every command, in the order <c>--help</c> lists them.</summary>
    private static readonly CommandEntry[] AllCommands =
    [
        new("run", RunCommand.Create),
        new("lock", LockCommand.Create),
        new("validate", ValidateCommand.Create),
        new("eval", EvalCommand.Create),
        new("cache", CacheCommand.Create),
        new("init", InitCommand.Create),
        new("graph", GraphCommand.Create),
        new("impact", ImpactCommand.Create),
        new("affected", AffectedCommand.Create),
        new("plan", PlanCommand.Create),
        new("check", CheckCommand.Create),
        new("ci", CiCommand.Create),
        new("export", ExportCommand.Create),
        new("up", Commands.Up.UpCommand.Create),
        new("import", ImportCommand.Create),
        new("status", Commands.Control.StatusCommand.Create),
        new("logs", Commands.Control.LogsCommand.Create),
        new("start", cli => Commands.Control.UnitCommands.Create(cli, "start", "Ask the running manager to start units (and their dependencies); a stopped or failed unit starts over")),
        new("stop", cli => Commands.Control.UnitCommands.Create(cli, "stop", "Ask the running manager to stop units (TERM, then KILL after the grace period); dependents keep running")),
        new("restart", cli => Commands.Control.UnitCommands.Create(cli, "restart", "Ask the running manager to restart units; dependents not started yet wait for them again")),
        new("down", Commands.Control.DownCommand.Create),
        new("events", Commands.Control.EventsCommand.Create),
    ];

    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Procurator: one C# script describes a multi-project workspace; get a master flake.nix from it");

        // Only the command asked for is built (none for --version), all of them otherwise (help,
        // a mistyped name) (see "Warm runs" in docs/ARCHITECTURE.md).
        CommandEntry[] wanted = args switch
        {
            ["--version"] => [],
            [var first, ..] when Array.Find(AllCommands, c => c.Name == first) is { } command => [command],
            _ => AllCommands,
        };
        foreach (var entry in wanted)
        {
            root.Subcommands.Add(entry.Create(cli));
        }

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(cli);
        }

        var parse = root.Parse(args);
        // No termination timeout: `up` handles SIGINT/SIGTERM itself (stop in order, a second
        // Ctrl-C kills), and other commands keep the default behaviour of being interrupted.
        // Exceptions are handled below, so a refused runtime folder is a plain message, not a stack trace.
        var invocation = new InvocationConfiguration { Output = cli.Out, Error = cli.Error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await cli.Error.WriteLineAsync($"procurator: {error.Message}");
            }

            await cli.Error.WriteLineAsync("Run 'procurator --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Supervisor.Control.ControlException e)
        {
            await cli.Error.WriteLineAsync($"procurator: error: {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (OperationCanceledException)
        {
            return 1; // as System.CommandLine's own handler: interrupted, nothing to add
        }
        catch (Exception e)
        {
            // A bug: what System.CommandLine's own handler printed, so it can be reported.
            await cli.Error.WriteLineAsync($"Unhandled exception: {e}");
            return 1;
        }
    }
}

/// <summary>A command's name and how to build it.</summary>
internal sealed record CommandEntry(string Name, Func<CliContext, Command> Create);
