using System.CommandLine;
using Procurator.Supervisor.Planning;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// <c>procurator up [FILE] [NAME...]</c>: starts the named projects and services and everything
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
        var command = new Command("up", "Start services and project processes in dependency order, with health checks, restarts and aggregated logs") { names, noColor };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (script, selected) = ScriptArguments.Split(parse.GetValue(names)!);
            var request = common.Read(parse) with { Script = script };
            var output = new CommandOutput(cli, request);
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken);
            if (workspace is null)
            {
                return exitCode;
            }

            var plan = UnitPlanner.Plan(workspace.Model, workspace.Layout.OutputDirectory);
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
            return await ForegroundManager.RunAsync(cli, plan, units, workspace.Layout.OutputDirectory, colour);
        });
        return command;
    }
}
