using System.CommandLine;
using System.Text.Json;
using Procurator.Graph;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator plan</c>: deployment waves; <c>--reverse</c> gives the shutdown order.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false);
        var reverse = new Option<bool>("--reverse") { Description = "Shutdown order: dependents first" };
        var format = ImpactOutput.FormatOption();
        var command = new Command("plan", "Print deployment waves: each wave depends only on earlier ones") { reverse, format };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (_, graph, exitCode) = await GraphLoader.LoadAsync(cli, common.Read(parse), cancellationToken);
            if (graph is null)
            {
                return exitCode;
            }

            var waves = DeploymentPlan.Waves(graph, parse.GetValue(reverse));
            if (parse.GetValue(format) == "json")
            {
                var json = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["reverse"] = parse.GetValue(reverse),
                    ["waves"] = waves,
                }, new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" });
                await cli.Out.WriteLineAsync(json);
                return ExitCodes.Ok;
            }

            for (var i = 0; i < waves.Count; i++)
            {
                await cli.Out.WriteLineAsync($"wave {i + 1}: {string.Join(", ", waves[i])}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
