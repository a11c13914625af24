using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Orchestration;

/// <summary>How the orchestrator carries out the machine's effects (always on the loop).</summary>
internal sealed partial class Orchestrator
{
    private readonly Dictionary<(string Unit, ProbeKind Kind), ProbeLoop> _probeLoops = [];
    private readonly Dictionary<string, (int Generation, Regex Pattern)> _logProbes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ITimer> _timers = new();
    private readonly ConcurrentDictionary<Task, byte> _spawns = new();

    // Lines a unit printed before its log-line probe started (the spawn's event can come after
    // its first output); the probe sees them first. Bounded: only the start's first lines.
    private readonly Dictionary<string, List<string>> _earlyLines = new(StringComparer.Ordinal);
    private const int MaxEarlyLines = 1000;
    private long _nextTimer;

    private void Apply(MachineEvent machineEvent)
    {
        var effects = _machine.Handle(machineEvent, _time.GetUtcNow());

        // The snapshot is taken before the effects run, so that whoever reads a published
        // state change and then asks for the snapshot sees that change in it.
        if (effects.Count > 0 || machineEvent is not OutputObserved)
        {
            _snapshot = [.. _machine.Units.Select(UnitStatus.From)];
        }

        // Spawns go last, so the step's state changes are out before new threads compete for the CPU.
        foreach (var effect in effects.Where(e => e is not SpawnProcess))
        {
            Run(effect);
        }

        foreach (var spawn in effects.OfType<SpawnProcess>())
        {
            Spawn(spawn);
        }

        // Log-line readiness: the line that matches is the probe's answer.
        if (machineEvent is not OutputObserved output)
        {
            return;
        }

        if (_logProbes.TryGetValue(output.Unit, out var probe))
        {
            if (probe.Pattern.IsMatch(output.Text))
                Apply(new ProbeResulted(output.Unit, probe.Generation, ProbeKind.Readiness, true, $"log matched \"{output.Text}\""));
        }
        else if (_earlyLines.TryGetValue(output.Unit, out var early) && early.Count < MaxEarlyLines)
        {
            early.Add(output.Text);
        }
    }

    private void Run(Effect effect)
    {
        switch (effect)
        {
            case SendSignal signal when _processes.TryGetValue(signal.Unit, out var tracked) && tracked.Generation == signal.Generation:
                TrySignal(tracked.Process, signal.Signal);
                break;
            case StartProbe { Probe: LogLineProbe log, Kind: ProbeKind.Readiness } start:
                StartLogProbe(start, log);
                break;
            case StartProbe { Probe: not LogLineProbe } start:
                StopProbeLoop(start.Unit, start.Kind);
                _probeLoops[(start.Unit, start.Kind)] = new ProbeLoop(start, _probes, _time, Post);
                break;
            case StopProbe stop:
                _logProbes.Remove(stop.Unit);
                _earlyLines.Remove(stop.Unit);
                _output.SeeNewestOnly(stop.Unit);
                StopProbeLoop(stop.Unit, stop.Kind);
                break;
            case ScheduleTimer timer:
                Schedule(timer);
                break;
            case StateChanged changed:
                Publish(changed);
                break;
        }
    }

    private void Spawn(SpawnProcess spawn)
    {
        // A log-line readiness probe must see every line, from the first one on.
        if (_machine.Graph[spawn.Unit].Readiness is LogLineProbe)
        {
            _output.SeeEveryLine(spawn.Unit);
            _earlyLines[spawn.Unit] = [];
        }

        // Starting a process blocks for tens of milliseconds (port check, fork, exec): each runs
        // on a thread of its own, so independent units spawn together and the loop keeps going.
        // The outcome comes back as an event; the machine already expects a stop to overtake it.
        var command = _machine.Graph[spawn.Unit].Command;
        BeginBackground();
        var task = Task.Factory.StartNew(
            () => SpawnNow(spawn, command), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _spawns.TryAdd(task, 0);
        task.ContinueWith(t => _spawns.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Off the loop: starts the process and posts <see cref="ProcessSpawned"/> or <see cref="SpawnFailed"/>.</summary>
    private void SpawnNow(SpawnProcess spawn, CommandSpec command)
    {
        try
        {
            IRunningProcess process;
            try
            {
                process = _runner.Start(spawn.Unit, command, _processOutput);
            }
            catch (ProcessStartException ex)
            {
                Post(new SpawnFailed(spawn.Unit, spawn.Generation, ex.Reason, ex.Permanent));
                return;
            }
            catch (Exception ex)
            {
                // ProcessStartException is the contract, but any failure to start is a spawn failure.
                Post(new SpawnFailed(spawn.Unit, spawn.Generation, ex.Message));
                return;
            }

            // Tracked before the event is posted, so a signal the machine sends after it finds the process.
            var tracked = new TrackedProcess(spawn.Generation, process);
            _processes[spawn.Unit] = tracked;
            Post(new ProcessSpawned(spawn.Unit, spawn.Generation, process.Pid));

            // Posted after ProcessSpawned, so the machine always sees the spawn first.
            process.Exited.ContinueWith(
                exited =>
                {
                    _processes.TryRemove(KeyValuePair.Create(spawn.Unit, tracked));
                    var exit = exited.IsCompletedSuccessfully ? exited.Result : new ProcessExit(-1, null);
                    Post(new ProcessExited(spawn.Unit, spawn.Generation, exit));
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        finally
        {
            // The spawn counted as pending work until its outcome was queued (see WhenIdleAsync).
            Handled();
        }
    }

    private void StartLogProbe(StartProbe start, LogLineProbe log)
    {
        var pattern = new Regex(log.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _logProbes[start.Unit] = (start.Generation, pattern);

        // Posted, not applied: the effects of the step that started the probe are still running.
        if (_earlyLines.Remove(start.Unit, out var early) && early.FirstOrDefault(pattern.IsMatch) is { } line)
            Post(new ProbeResulted(start.Unit, start.Generation, ProbeKind.Readiness, true, $"log matched \"{line}\""));
    }

    private void Schedule(ScheduleTimer timer)
    {
        var fired = new TimerFired(timer.Unit, timer.Generation, timer.Kind);
        var delay = timer.Due - _time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            Post(fired);
            return;
        }

        var id = Interlocked.Increment(ref _nextTimer);
        _timers[id] = _time.CreateTimer(
            _ =>
            {
                if (_timers.TryRemove(id, out var done))
                {
                    done.Dispose();
                }

                Post(fired);
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
    }

    private void Publish(StateChanged changed)
    {
        var change = new StateChange(changed.Unit, changed.From, changed.To, changed.Generation, changed.Pid, changed.Reason, changed.At);
        _events.Writer.TryWrite(change);
        if (_options.WriteStateChangesToLog)
        {
            _sink.Write(new LogLine(changed.Unit, changed.At, LogStream.Manager, $"{changed.From} -> {changed.To}: {changed.Reason}"));
        }
    }

    private void StopProbeLoop(string unit, ProbeKind kind)
    {
        if (_probeLoops.Remove((unit, kind), out var loop))
        {
            loop.Dispose();
        }
    }

    private void DisposeEffects()
    {
        foreach (var loop in _probeLoops.Values)
        {
            loop.Dispose();
        }

        _probeLoops.Clear();
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private static void TrySignal(IRunningProcess process, StopSignal signal)
    {
        try
        {
            process.Signal(signal);
        }
        catch (InvalidOperationException)
        {
            // The process is gone already; its exit is on its way.
        }
    }
}
