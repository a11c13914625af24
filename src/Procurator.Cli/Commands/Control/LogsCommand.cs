using System.CommandLine;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;

namespace Procurator.Cli.Commands.Control;

/// <summary>
/// <c>procurator logs [FILE] [NAME...] [-f] [-n N]</c>: prints the unit log files (no manager needed),
/// prefixed like <c>up</c>'s console; <c>-f</c> follows them while the manager runs.
/// </summary>
internal static class LogsCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static Command Create(CliContext cli)
    {
        var names = ControlTarget.NamesArgument("Projects, services or units whose logs to show (default: all)", ArgumentArity.ZeroOrMore);
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines while the manager runs (Ctrl-C to stop)" };
        var lines = new Option<int?>("--lines", "-n") { Description = "Only the last N lines of each unit, merged by time (default: all; 10 with -f)" };
        var noColor = new Option<bool>("--no-color") { Description = "Plain unit prefixes without colour (also when NO_COLOR is set)" };
        var command = new Command("logs", "Print the units' log files (in the workspace's state directory, see procurator status), merged by time; -f follows them") { names, follow, lines, noColor };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (script, selected) = ScriptArguments.Split(parse.GetValue(names)!);
            var paths = ControlTarget.Paths(cli, script);
            var directory = StatePaths.For(paths.Workspace).Logs;
            var colour = ConsoleSink.ColourWanted(parse.GetValue(noColor), Console.IsOutputRedirected || !cli.IsConsole);
            var following = parse.GetValue(follow);
            if (!following)
            {
                var files = new LogFiles(directory, selected);
                if (files.Units().Count == 0)
                {
                    await cli.Error.WriteLineAsync($"procurator: no log files{(selected.Length > 0 ? $" for {string.Join(", ", selected)}" : "")} in {directory}");
                    return ExitCodes.Invalid;
                }

                Print(new ConsoleSink(cli.Out, files.Units(), colour), files.Tail(parse.GetValue(lines)));
                return ExitCodes.Ok;
            }

            await using (var client = await ControlTarget.ConnectOrSayAsync(cli, paths, cancellationToken))
            {
                if (client is null)
                {
                    return ExitCodes.Invalid;
                }
            }

            return await FollowAsync(cli, paths, selected, parse.GetValue(lines) ?? 10, colour, cancellationToken);
        });
        return command;
    }

    /// <summary>Prints the last lines, then new ones as they arrive, until the manager is gone or Ctrl-C.</summary>
    public static async Task<int> FollowAsync(CliContext cli, ControlPaths paths, IReadOnlyList<string> selected, int last, bool colour, CancellationToken cancellationToken)
    {
        var files = new LogFiles(StatePaths.For(paths.Workspace).Logs, selected);
        var sink = new ConsoleSink(cli.Out, files.Units(), colour);
        Print(sink, files.Tail(last));
        var checkedAt = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, cancellationToken);
            Print(sink, files.ReadNew());
            if (DateTime.UtcNow - checkedAt > TimeSpan.FromSeconds(1))
            {
                checkedAt = DateTime.UtcNow;
                if (!ManagerLock.IsHeld(paths.Lock))
                {
                    Print(sink, files.ReadNew());
                    await cli.Error.WriteLineAsync("procurator: the manager has stopped");
                    return ExitCodes.Ok;
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static void Print(ConsoleSink sink, IEnumerable<LogLine> lines)
    {
        foreach (var line in lines)
        {
            sink.Write(line);
        }

        // The sink batches until flushed (as after each read from a unit's pipe).
        sink.Flush();
    }
}
