using System.Runtime.InteropServices;
using System.Threading.Channels;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Planning;
using Procurator.Supervisor.Probes;
using Procurator.Supervisor.Processes;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// Runs the orchestrator in the foreground: real processes (each in its own session, watched
/// by a guardian that outlives a SIGKILLed manager), log files plus the coloured console
/// stream (under a live status table on a terminal, see <see cref="IUpView"/>), and Ctrl-C handling (the first stops in reverse dependency order, the second kills).
/// </summary>
internal static class ForegroundManager
{
    private const string EveryUnitFinished = "every unit has finished";

    private static readonly UnitState[] Finished = [UnitState.Completed, UnitState.Failed, UnitState.GaveUp, UnitState.Skipped, UnitState.Stopped, UnitState.Blocked];

    /// <summary>Runs until Ctrl-C, <c>procurator down</c>, or (not detached) every wanted unit finished.</summary>
    /// <param name="cli">Where to write.</param>
    /// <param name="plan">Every unit of the workspace.</param>
    /// <param name="selected">The units to start (with their dependencies).</param>
    /// <param name="workspaceDirectory">The workspace folder: the control socket's name.</param>
    /// <param name="state">Where the unit logs go (the plan already put service data there).</param>
    /// <param name="colour">Coloured console prefixes.</param>
    /// <param name="detached">Run as the detached manager (<c>up -d</c>): keep running when every unit has finished.</param>
    /// <param name="blocking">The located problems that block units (already printed), for <c>status</c> and <c>up -d</c>.</param>
    public static async Task<int> RunAsync(
        CliContext cli, UnitPlan plan, IReadOnlyList<string> selected, string workspaceDirectory, StatePaths state, bool colour, bool detached = false, IReadOnlyList<ProblemReport>? blocking = null)
    {
        var wanted = plan.Closure(selected);
        foreach (var note in plan.Notes.Where(n => wanted.Contains(n.Split(':')[0])))
        {
            await cli.Error.WriteLineAsync($"procurator: {note}");
        }

        var problems = DirectoryPreparer.Prepare(plan.Directories.Where(d => wanted.Contains(d.Unit)));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await cli.Error.WriteLineAsync($"procurator: error: {problem}");
            }

            return ExitCodes.Invalid;
        }

        // One manager per workspace: the lock is held until this process ends (or dies).
        var paths = ControlPaths.For(workspaceDirectory);
        paths.EnsureDirectory();
        using var managerLock = await AcquireAsync(paths);
        if (managerLock is null)
        {
            await cli.Error.WriteLineAsync($"procurator: error: a manager is already running for {paths.Workspace} (see procurator status)");
            return ExitCodes.Invalid;
        }

        await using var guardian = Guardian.Start();
        var runner = new PosixProcessRunner(guardian);
        using var probes = new ProbeRunner(runner);
        PrivateState.Prepare(state);
        using var files = new LogFileSink(state.Logs);
        // On a terminal, the logs scroll above a live status table; otherwise plain prefixed lines.
        await using var view = UpView.Create(cli, plan.Units.Select(u => u.Name), colour, detached);
        cli = cli with { Error = view.Notices };
        var sink = new CombinedSink(view.Logs, files);
        await using var orchestrator = new Orchestrator(plan.Units, new PortCheckingRunner(runner, plan.Units), probes, sink, TimeProvider.System);

        var stopRequested = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = new ManagerHost(orchestrator, plan, paths.Workspace, state, stopRequested, blocking);
        await using var control = ControlServer.Start(paths.Socket, host.HandleAsync);
        var signals = new InterruptCounter(TimeProvider.System);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            switch (signals.Next())
            {
                case Interrupt.Stop:
                    stopRequested.TrySetResult("stopping (Ctrl-C again to kill everything now)");
                    break;
                case Interrupt.Kill:
                    cli.Error.WriteLine("procurator: killing everything now");
                    orchestrator.ForceKill();
                    break;
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

        view.Start(() => host.Status().Units);
        var events = WatchEventsAsync(cli, orchestrator, host, view, detached ? null : wanted, stopRequested);
        await cli.Error.WriteLineAsync($"procurator: starting {string.Join(", ", wanted.Order(StringComparer.Ordinal))}; state in {state.Directory}, logs in {state.Logs}");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await orchestrator.StartAsync(selected);
        var readiness = ReportReadinessAsync(cli, orchestrator, started);
        var why = await stopRequested.Task;
        await cli.Error.WriteLineAsync($"procurator: {why}");
        await orchestrator.ShutdownAsync();
        await cli.Error.WriteLineAsync("procurator: everything stopped");
        host.MarkStopped();
        await control.DisposeAsync();
        // Stopped by a signal or by `procurator down`: not a failure of the units.
        var finishedAlone = !signals.Received && why == EveryUnitFinished;
        await orchestrator.DisposeAsync();
        await events;
        await readiness;
        await view.DisposeAsync();
        return finishedAlone && orchestrator.Snapshot().Where(s => wanted.Contains(s.Name)).Any(s => s.State != UnitState.Completed)
            ? ExitCodes.Invalid
            : ExitCodes.Ok;
    }

    /// <summary>The workspace lock; a client that checks it holds it for an instant, so try a few times.</summary>
    private static async Task<ManagerLock?> AcquireAsync(ControlPaths paths)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (ManagerLock.TryAcquire(paths.Lock) is { } taken)
            {
                return taken;
            }

            await Task.Delay(50);
        }

        return ManagerLock.TryAcquire(paths.Lock);
    }

    /// <summary>Prints shutdown notices; when every wanted unit has finished on its own, asks to stop.</summary>
    private static async Task WatchEventsAsync(CliContext cli, Orchestrator orchestrator, ManagerHost host, IUpView view, IReadOnlySet<string>? wanted, TaskCompletionSource<string> stopRequested)
    {
        // States are followed from the events themselves: the snapshot may not show the change
        // an event announces yet, and a decision made on it could miss the last unit finishing.
        var states = orchestrator.Snapshot().ToDictionary(s => s.Name, s => s.State, StringComparer.Ordinal);
        await foreach (var change in orchestrator.Events.ReadAllAsync())
        {
            host.Publish(change);
            if (change is StateChange stateChange)
            {
                states[stateChange.Unit] = stateChange.To;
                view.Changed();
                if (wanted is not null && wanted.All(name => !states.TryGetValue(name, out var state) || Finished.Contains(state)))
                {
                    stopRequested.TrySetResult(EveryUnitFinished);
                }
            }
            else if (change is ShutdownWaiting waiting)
            {
                await cli.Error.WriteLineAsync($"procurator: {waiting.Describe()}");
            }
        }
    }

    /// <summary>Says once when everything is ready, or why not (the reason chains).</summary>
    private static async Task ReportReadinessAsync(CliContext cli, Orchestrator orchestrator, System.Diagnostics.Stopwatch started)
    {
        try
        {
            var settlement = await orchestrator.WaitUntilReadyAsync();
            if (settlement.AllReady)
            {
                await cli.Error.WriteLineAsync($"procurator: all ready in {started.Elapsed.TotalSeconds:0.0} s");
                return;
            }

            foreach (var failure in settlement.Failures)
            {
                await cli.Error.WriteLineAsync($"procurator: {failure}");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or ChannelClosedException)
        {
            // Stopped before everything settled: nothing to report.
        }
    }
}
