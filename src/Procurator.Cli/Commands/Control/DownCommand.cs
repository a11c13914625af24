using System.CommandLine;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Control;

/// <summary><c>procurator down [FILE]</c>: stops everything in reverse dependency order and waits until the manager is gone.</summary>
internal static class DownCommand
{
    public static Command Create(CliContext cli)
    {
        var script = ControlTarget.ScriptArgument();
        var command = new Command("down", "Stop every unit of the running manager (dependents first), wait until all have exited, then end the manager") { script };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = ControlTarget.Paths(cli, parse.GetValue(script)!);
            await using var client = await ControlTarget.ConnectOrSayAsync(cli, paths, cancellationToken);
            if (client is null)
            {
                return ExitCodes.Invalid;
            }

            var response = await client.RequestAsync(
                new ControlRequest("down"),
                async notice => await cli.Error.WriteLineAsync($"procurator: {notice.Message}"),
                cancellationToken);
            if (!response.Ok)
            {
                return await ControlTarget.ReportAsync(cli, response);
            }

            // The manager removes its socket on the way out; wait for that so a new `up` finds nothing.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (File.Exists(paths.Socket) && ManagerLock.IsHeld(paths.Lock) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }

            await cli.Error.WriteLineAsync($"procurator: {response.Message ?? "everything stopped"}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
