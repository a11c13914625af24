using System.CommandLine;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Control;

/// <summary><c>procurator status [FILE] [--json]</c>: every unit of the running manager.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext cli)
    {
        var script = ControlTarget.ScriptArgument();
        var json = new Option<bool>("--json") { Description = "One JSON object: workspace, state, manager {pid, startedAt}, units [...] (schema in the README)" };
        var command = new Command("status", "Show the units of the running manager: state, health, PID, uptime, restarts, last exit, ports, reason") { script, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = ControlTarget.Paths(cli, parse.GetValue(script)!);
            await using var client = await ControlTarget.ConnectOrSayAsync(cli, paths, cancellationToken);
            if (client is null)
            {
                return ExitCodes.Invalid;
            }

            var response = await client.RequestAsync(new ControlRequest("status"), cancellationToken: cancellationToken);
            if (response.Status is not { } status)
            {
                return await ControlTarget.ReportAsync(cli, response with { Ok = false });
            }

            await cli.Out.WriteAsync(parse.GetValue(json) ? ControlJson.Report(status) + "\n" : StatusTable.Format(status, TerminalWidth.Of(cli)) + StatusTable.StateLine(status));
            return ExitCodes.Ok;
        });
        return command;
    }
}
