using System.CommandLine;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator eval --json</c>: print the resolved model, the same JSON as <c>procurator.json</c>.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext cli)
    {
        var script = CommonOptions.ScriptArgument();
        var json = new Option<bool>("--json") { Description = "Print the model as JSON (the content of procurator.json)" };
        var command = new Command("eval", "Evaluate the workspace script and print the resolved model") { script, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, parse.GetValue(script)!, null, cancellationToken);
            if (workspace is null)
            {
                return exitCode;
            }

            var model = workspace.Model;
            if (parse.GetValue(json))
            {
                await cli.Out.WriteAsync(ModelJson.Serialize(model));
                return ExitCodes.Ok;
            }

            await cli.Out.WriteLineAsync($"workspace {model.Name}");
            foreach (var project in model.Projects)
            {
                var deps = project.DependsOn.Count == 0 ? "" : $" -> {string.Join(", ", project.DependsOn)}";
                await cli.Out.WriteLineAsync($"  project {project.Name} ({project.Path}){deps}");
            }

            foreach (var service in model.Services)
            {
                await cli.Out.WriteLineAsync($"  service {service.Name} ({service.Kind ?? "custom"}{(service.Version is null ? "" : " " + service.Version)}, port {service.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
            }

            foreach (var shell in model.Shells)
            {
                await cli.Out.WriteLineAsync($"  shell {shell.Name}: {string.Join(", ", shell.Projects)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
