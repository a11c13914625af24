using System.CommandLine;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator validate</c>: evaluate and validate, print every problem, write nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var script = CommonOptions.ScriptArgument();
        var command = new Command("validate", "Check the workspace script and report every problem; writes nothing") { script };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, parse.GetValue(script)!, null, cancellationToken);
            if (workspace is null)
            {
                return exitCode;
            }

            var model = workspace.Model;
            await cli.Out.WriteLineAsync($"{parse.GetValue(script)}: valid ({model.Projects.Count} projects, {model.Services.Count} services)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
