using System.CommandLine;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator validate</c>: evaluate and validate, report every problem, write nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions();
        var command = new Command("validate", "Check the workspace script and report every problem; writes nothing");
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = common.Read(parse);
            var output = new CommandOutput(cli, request);
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken);
            if (workspace is not null)
            {
                await output.MessageAsync($"{request.Script}: valid ({workspace.Model.Projects.Count} projects, {workspace.Model.Services.Count} services)");
            }

            return await output.FinishAsync(exitCode);
        });
        return command;
    }
}
