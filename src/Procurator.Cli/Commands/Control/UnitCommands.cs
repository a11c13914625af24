using System.CommandLine;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Control;

/// <summary><c>procurator start|stop|restart [FILE] NAME...</c>: asks the running manager to act on units.</summary>
internal static class UnitCommands
{
    public static Command Create(CliContext cli, string verb, string description)
    {
        var names = ControlTarget.NamesArgument($"Projects, services or units to {verb}", ArgumentArity.OneOrMore);
        var command = new Command(verb, description) { names };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (script, selected) = ScriptArguments.Split(parse.GetValue(names)!);
            if (selected.Length == 0)
            {
                await cli.Error.WriteLineAsync($"procurator: error: name at least one project, service or unit to {verb}");
                return ExitCodes.Usage;
            }

            var paths = ControlTarget.Paths(cli, script);
            await using var client = await ControlTarget.ConnectOrSayAsync(cli, paths, cancellationToken);
            if (client is null)
            {
                return ExitCodes.Invalid;
            }

            return await RequestAsync(cli, client, verb, selected, cancellationToken);
        });
        return command;
    }

    /// <summary>Sends start, stop or restart and prints the manager's notices.</summary>
    public static async Task<int> RequestAsync(CliContext cli, ControlClient client, string verb, IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        var response = await client.RequestAsync(
            new ControlRequest(verb, units),
            async notice => await cli.Error.WriteLineAsync($"procurator: {notice.Message}"),
            cancellationToken);
        return await ControlTarget.ReportAsync(cli, response);
    }
}
