using System.CommandLine;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Control;

/// <summary><c>procurator events [FILE] [--json]</c>: streams state changes until the manager stops or Ctrl-C.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext cli)
    {
        var script = ControlTarget.ScriptArgument();
        var json = new Option<bool>("--json") { Description = "One JSON object per line: unit, from, to, generation, pid, reason, at" };
        var command = new Command("events", "Stream the running manager's state changes (until it stops, or Ctrl-C)") { script, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = ControlTarget.Paths(cli, parse.GetValue(script)!);
            await using var client = await ControlTarget.ConnectOrSayAsync(cli, paths, cancellationToken);
            if (client is null)
            {
                return ExitCodes.Invalid;
            }

            var asJson = parse.GetValue(json);
            await foreach (var response in client.SendAsync(new ControlRequest("events"), cancellationToken))
            {
                if (response.Event is { } change)
                {
                    await cli.Out.WriteLineAsync(asJson ? ControlJson.Report(change) : $"{change.At:HH:mm:ss.fff} {change.Unit}: {change.From} -> {change.To}: {change.Reason}");
                    await cli.Out.FlushAsync(cancellationToken);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
