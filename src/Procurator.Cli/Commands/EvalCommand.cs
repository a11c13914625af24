using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator eval</c>: print the resolved model; <c>--json</c> prints the same JSON as <c>procurator.json</c>.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the model as JSON (the content of procurator.json)" };
        var command = new Command("eval", "Evaluate the workspace script and print the resolved model") { json };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = common.Read(parse);
            var output = new CommandOutput(cli, request);
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken);
            if (output.IsJson)
            {
                // One object for tools: the diagnostics and, when it loaded, the model.
                var model = workspace is null ? null : ModelJson.Serialize(workspace.Model);
                output.Field("model", w =>
                {
                    if (model is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        using var document = JsonDocument.Parse(model);
                        document.WriteTo(w);
                    }
                });
                return await output.FinishAsync(exitCode);
            }

            if (workspace is null)
            {
                return exitCode;
            }

            if (parse.GetValue(json))
            {
                await cli.Out.WriteAsync(ModelJson.Serialize(workspace.Model));
                return ExitCodes.Ok;
            }

            await PrintSummaryAsync(cli.Out, workspace.Model);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task PrintSummaryAsync(TextWriter writer, Model.WorkspaceModel model)
    {
        await writer.WriteLineAsync($"workspace {model.Name}");
        foreach (var project in model.Projects)
        {
            var deps = project.DependsOn.Count == 0 ? "" : $" -> {string.Join(", ", project.DependsOn)}";
            await writer.WriteLineAsync($"  project {project.Name} ({project.Path}){deps}");
        }

        foreach (var service in model.Services)
        {
            var version = service.Version is null ? "" : " " + service.Version;
            var port = service.Port?.ToString(CultureInfo.InvariantCulture) ?? "none";
            await writer.WriteLineAsync($"  service {service.Name} ({service.Kind ?? "custom"}{version}, port {port})");
        }

        foreach (var shell in model.Shells)
        {
            await writer.WriteLineAsync($"  shell {shell.Name}: {string.Join(", ", shell.Projects)}");
        }
    }
}
