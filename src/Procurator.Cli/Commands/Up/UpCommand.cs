using System.CommandLine;
using Procurator.Cli.Commands.Control;
using Procurator.Diagnostics;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;
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
        var common = new CommonOptions(
            withScript: false,
            timeoutDescription: $"With --wait: exit 1 naming what is not ready after this many seconds (default {DetachedLauncher.DefaultWaitSeconds}); without: stop a script that runs longer");
        var names = new Argument<string[]>("names")
        {
            Description = "Projects, services or units to start with their dependencies (default: all); a first argument ending in .csx is the workspace script",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noColor = new Option<bool>("--no-color") { Description = "Plain unit prefixes without colour (also when NO_COLOR is set)" };
        var modelFile = new Option<string?>("--model") { Description = "Run the workspace of this procurator.json (as `nix run .#up` does) instead of evaluating the script; its folder is the workspace" };
        var detach = new Option<bool>("--detach", "-d") { Description = "Run the manager in the background and return once it answers (stop it with procurator down)" };
        var wait = new Option<bool>("--wait") { Description = "Return once every selected unit is ready (exit 0), or print why not (exit 1); starts the manager in the background" };
        var daemon = new Option<bool>(DetachedLauncher.DaemonOption) { Hidden = true };
        var command = new Command("up", "Start services and project processes in dependency order, with health checks, restarts and aggregated logs") { names, noColor, modelFile, detach, wait, daemon };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = parse.GetValue(names)!;
            var (script, selected) = ScriptArguments.Split(arguments);
            var model = parse.GetValue(modelFile);
            if (model is not null && selected.Length != arguments.Length)
            {
                await cli.Error.WriteLineAsync($"procurator: --model and a script ('{script}') exclude each other: the model file replaces the script");
                return ExitCodes.Usage;
            }

            if (!parse.GetValue(daemon))
            {
                // A manager already runs for this workspace: attach to it instead of evaluating the script.
                // With --model, the workspace is the model file's folder.
                var paths = ControlTarget.Paths(cli, model is null ? script : Path.Combine(Path.GetDirectoryName(cli.FullPath(model))!, CommonOptions.DefaultScript));
                await using var running = await ControlClient.ConnectAsync(paths, TimeSpan.Zero, cancellationToken);
                if (running is not null)
                {
                    return await AttachAsync(cli, running, paths, selected, parse.GetValue(wait) ? WaitTimeout(common, parse) : null, parse.GetValue(detach), parse.GetValue(noColor), cancellationToken);
                }

                if (LegacyState.Warning(cli, paths.Workspace, StatePaths.For(paths.Workspace)) is { } warning)
                {
                    await cli.Error.WriteLineAsync(warning);
                }

                if (parse.GetValue(detach) || parse.GetValue(wait))
                {
                    var forwarded = Forwarded(parse.Tokens.Select(t => t.Value).SkipWhile(t => t == "up").ToList(), parse.GetValue(wait));
                    var launcherOutput = new CommandOutput(cli, common.Read(parse) with { Script = script });
                    return await DetachedLauncher.RunAsync(cli, paths, ["up", .. forwarded], parse.GetValue(wait) ? WaitTimeout(common, parse) : null, launcherOutput, cancellationToken);
                }
            }

            var request = common.Read(parse) with { Script = script };
            var output = new CommandOutput(cli, request);
            var (workspace, directory, sites, exitCode) = model is null
                ? await LoadScriptAsync(cli, request, output, cancellationToken)
                : await ModelFileLoader.LoadAsync(cli, output, model);
            if (workspace is null)
            {
                return await output.FinishAsync(exitCode);
            }

            var state = StatePaths.For(directory);
            var plan = UnitPlanner.Plan(workspace, directory, state);
            IReadOnlyList<Diagnostic> Locate(IEnumerable<PlanProblem> problems) => [.. model is null
                ? PlanProblemLocator.InScript(problems, sites)
                : PlanProblemLocator.InModelFile(problems, workspace, cli.FullPath(model))];
            if (plan.Fatal.Count > 0)
            {
                await output.DiagnosticsAsync(Locate(plan.Errors));
                await output.ProblemAsync($"procurator: {plan.Errors.Count} error{(plan.Errors.Count == 1 ? "" : "s")}; nothing was started");
                return await output.FinishAsync(ExitCodes.Invalid);
            }

            var units = plan.Select(selected.Length == 0 ? plan.UnitsByName.Keys : selected, out var unknown);
            if (unknown.Count > 0)
            {
                await cli.Error.WriteLineAsync($"procurator: error: no project, service or unit named {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                    $"known: {string.Join(", ", plan.UnitsByName.Keys.Order(StringComparer.Ordinal))}");
                return ExitCodes.Usage;
            }

            // Problems of single units block those units (and skip their dependents), said once here; the rest starts.
            var blocking = Locate(BlockedAmong(plan, units));
            await output.DiagnosticsAsync(blocking);
            var colour = !parse.GetValue(noColor) && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && !Console.IsOutputRedirected;
            return await output.FinishAsync(await ForegroundManager.RunAsync(
                cli, plan, units, directory, state, colour && !parse.GetValue(daemon), parse.GetValue(daemon), [.. blocking.Select(ProblemReports.From)]));
        });
        return command;
    }

    /// <summary>The unit-scoped problems of the units to start and their dependencies, transitively.</summary>
    private static IEnumerable<PlanProblem> BlockedAmong(UnitPlan plan, IReadOnlyList<string> units)
    {
        var wanted = plan.Closure(units);
        return plan.Errors.Where(p => p.Scope == ProblemScope.Unit
            && (plan.UnitsByName.TryGetValue(p.Subject, out var named) ? named : [p.Subject]).Any(wanted.Contains));
    }

    /// <summary>
    /// The arguments of the background manager: without <c>-d</c> and <c>--wait</c>, and with <c>--wait</c>
    /// without <c>--timeout</c> too, which is then the wait's (the script keeps its own default limit).
    /// </summary>
    private static List<string> Forwarded(List<string> tokens, bool wait)
    {
        var forwarded = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (wait && tokens[i] == "--timeout")
            {
                i++;
            }
            else if (tokens[i] is not ("-d" or "--detach" or "--wait"))
            {
                forwarded.Add(tokens[i]);
            }
        }

        return forwarded;
    }

    /// <summary><c>--wait</c>'s patience: <c>--timeout</c> when given, else <see cref="DetachedLauncher.DefaultWaitSeconds"/>.</summary>
    private static TimeSpan WaitTimeout(CommonOptions common, ParseResult parse) =>
        TimeSpan.FromSeconds(common.GivenTimeout(parse) ?? DetachedLauncher.DefaultWaitSeconds);

    private static async Task<(Model.WorkspaceModel? Model, string Directory, IReadOnlyDictionary<string, Model.ScriptSite> Sites, int ExitCode)> LoadScriptAsync(
        CliContext cli, ScriptRequest request, CommandOutput output, CancellationToken cancellationToken)
    {
        var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken);
        return (workspace?.Model, workspace?.Layout.OutputDirectory ?? cli.CurrentDirectory, workspace?.TargetSites ?? new Dictionary<string, Model.ScriptSite>(), exitCode);
    }

    /// <summary>
    /// A second <c>up</c> while a manager runs: with names, asks it to start them; without, prints
    /// the status and follows the logs until Ctrl-C, which detaches (the manager keeps running).
    /// </summary>
    private static async Task<int> AttachAsync(CliContext cli, ControlClient client, ControlPaths paths, string[] selected, TimeSpan? wait, bool detach, bool noColor, CancellationToken cancellationToken)
    {
        await cli.Error.WriteLineAsync($"procurator: a manager is already running for {paths.Workspace} (pid {client.Manager.Pid})");
        if (selected.Length > 0)
        {
            var started = await UnitCommands.RequestAsync(cli, client, "start", selected, cancellationToken);
            return started != ExitCodes.Ok || wait is not { } patience ? started : await DetachedLauncher.WaitAsync(cli, paths, patience, cancellationToken);
        }

        if (wait is { } timeout)
        {
            return await DetachedLauncher.WaitAsync(cli, paths, timeout, cancellationToken);
        }

        var response = await client.RequestAsync(new ControlRequest("status"), cancellationToken: cancellationToken);
        if (response.Status is { } status)
        {
            await cli.Out.WriteAsync(StatusTable.Format(status, TerminalWidth.Of(cli)) + StatusTable.StateLine(status));
        }

        if (detach)
        {
            return ExitCodes.Ok;
        }

        await cli.Error.WriteLineAsync("procurator: following the logs; Ctrl-C detaches (the manager keeps running; procurator down stops it)");
        var colour = ConsoleSink.ColourWanted(noColor, Console.IsOutputRedirected);
        return await LogsCommand.FollowAsync(cli, paths, [], 10, colour, cancellationToken);
    }
}
