using System.CommandLine;
using Procurator.Supervisor.Planning;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// <c>procurator up [FILE | --model procurator.json] [NAME...]</c>: starts the named projects and services and everything
/// they depend on (all when none is named), in dependency order, in the foreground with
/// aggregated logs; Ctrl-C stops everything, a second Ctrl-C kills it.
/// </summary>
internal static class UpCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false, withScript: false);
        var names = new Argument<string[]>("names")
        {
            Description = "Projects, services or units to start with their dependencies (default: all); a first argument ending in .csx is the workspace script",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noColor = new Option<bool>("--no-color") { Description = "Plain unit prefixes without colour (also when NO_COLOR is set)" };
        var modelFile = new Option<string?>("--model") { Description = "Run the workspace of this procurator.json (as `nix run .#up` does) instead of evaluating the script; its folder is the workspace" };
        var command = new Command("up", "Start services and project processes in dependency order, with health checks, restarts and aggregated logs") { names, noColor, modelFile };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = parse.GetValue(names)!;
            var (script, selected) = ScriptArguments.Split(arguments);
            var request = common.Read(parse) with { Script = script };
            var output = new CommandOutput(cli, request);
            var model = parse.GetValue(modelFile);
            if (model is not null && selected.Length != arguments.Length)
            {
                await cli.Error.WriteLineAsync($"procurator: --model and a script ('{script}') exclude each other: the model file replaces the script");
                return ExitCodes.Usage;
            }

            var (workspace, directory, exitCode) = model is null
                ? await LoadScriptAsync(cli, request, output, cancellationToken)
                : await ModelFileLoader.LoadAsync(cli, output, model);
            if (workspace is null)
            {
                return exitCode;
            }

            var plan = UnitPlanner.Plan(workspace, directory);
            if (plan.Errors.Count > 0)
            {
                foreach (var error in plan.Errors)
                {
                    await cli.Error.WriteLineAsync($"procurator: error: {error}");
                }

                await cli.Error.WriteLineAsync($"procurator: {plan.Errors.Count} error{(plan.Errors.Count == 1 ? "" : "s")}; nothing was started");
                return ExitCodes.Invalid;
            }

            var units = plan.Select(selected.Length == 0 ? plan.UnitsByName.Keys : selected, out var unknown);
            if (unknown.Count > 0)
            {
                await cli.Error.WriteLineAsync($"procurator: error: no project, service or unit named {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                    $"known: {string.Join(", ", plan.UnitsByName.Keys.Order(StringComparer.Ordinal))}");
                return ExitCodes.Usage;
            }

            var colour = !parse.GetValue(noColor) && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && !Console.IsOutputRedirected;
            return await ForegroundManager.RunAsync(cli, plan, units, directory, colour);
        });
        return command;
    }

    private static async Task<(Model.WorkspaceModel? Model, string Directory, int ExitCode)> LoadScriptAsync(
        CliContext cli, ScriptRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken);
        return (workspace?.Model, workspace?.Layout.OutputDirectory ?? cli.CurrentDirectory, exitCode);
    }
}
