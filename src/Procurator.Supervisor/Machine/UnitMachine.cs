using Procurator.Model;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Machine;

/// <summary>
/// Transitions of one unit, free of dependencies and I/O: each takes the unit as it is and
/// returns it as it becomes, emitting effects into the <see cref="Step"/>.
/// </summary>
internal static class UnitMachine
{
    /// <summary>Exit codes of <c>/bin/sh -c</c> when the command is missing (127) or cannot be executed (126).</summary>
    private static bool CannotRun(ProcessExit exit) => exit.ExitCode is 126 or 127;

    public static UnitRuntime Spawn(UnitRuntime unit, Step step, string reason)
    {
        var next = unit with
        {
            Generation = unit.Generation + 1,
            Pid = null,
            Spawns = unit.Spawns + 1,
            LastLine = null,
            ExplainingLine = null,
            AfterExit = AfterExit.Stop,
            ProbePasses = 0,
            ProbeFailures = 0,
            LastProbeDetail = null,
        };
        step.Emit(new SpawnProcess(next.Name, next.Generation));
        return step.Move(unit, next, UnitState.Starting, reason);
    }

    public static UnitRuntime Spawned(UnitRuntime unit, int pid, Step step, bool forced)
    {
        var spec = unit.Spec;
        var running = unit with { Pid = pid, StartedAt = step.Now };

        // A stop arrived while the spawn was in flight: stop the new process at once.
        if (unit.State == UnitState.Stopping)
        {
            return SignalStop(running, step, forced ? StopSignal.Kill : StopSignal.Terminate);
        }

        if (spec.Restart.Mode != RestartMode.No)
        {
            step.Schedule(running, TimerKind.StablePeriodReached, spec.Restart.StableAfter);
        }

        var moved = step.Move(unit, running, UnitState.Running, $"spawned pid {pid}");
        if (spec.Readiness is { } readiness)
        {
            step.Emit(new StartProbe(moved.Name, moved.Generation, ProbeKind.Readiness, readiness));
            step.Schedule(moved, TimerKind.StartupDeadline, spec.StartupTimeout);
            return moved;
        }

        if (spec.Role != UnitRole.Service)
        {
            return moved;
        }

        // Without a probe, only having stayed up a moment says it did not die at once.
        if (spec.ReadyWithoutProbeAfter <= TimeSpan.Zero)
        {
            return MarkReady(moved, step, "running, no readiness probe");
        }

        step.Schedule(moved, TimerKind.RanLongEnough, spec.ReadyWithoutProbeAfter);
        return moved;
    }

    public static UnitRuntime SpawnFailed(UnitRuntime unit, SpawnFailed failed, Step step, bool shuttingDown, Func<double> random)
    {
        // A permanent failure is the reason itself (port 8080 held by pid 123 (nginx)); no restart can fix it.
        var reason = failed.Permanent ? failed.Message : $"spawn failed: {failed.Message}";
        return unit.State == UnitState.Stopping || shuttingDown
            ? step.Move(unit, UnitState.Stopped, reason)
            : Fail(unit, reason, !failed.Permanent && unit.Spec.Restart.Mode != RestartMode.No, step, random);
    }

    public static UnitRuntime Exited(UnitRuntime unit, ProcessExit exit, Step step, bool shuttingDown, Func<double> random)
    {
        var text = ExitReason(unit, exit);
        var gone = StopProbes(unit with { Pid = null, LastExit = exit }, step);

        // Stopped on purpose: how it died (signal 15) says nothing.
        if (unit.State == UnitState.Stopping)
        {
            return unit.AfterExit == AfterExit.Restart && !shuttingDown
                ? Spawn(gone, step, "restart requested")
                : step.Move(unit, gone, UnitState.Stopped, "stopped");
        }

        if (shuttingDown)
        {
            return step.Move(unit, gone, UnitState.Stopped, "stopped");
        }

        var mode = unit.Spec.Restart.Mode;

        // Killed on purpose (liveness, startup deadline): a failure whatever the exit code.
        if (unit.State == UnitState.Unhealthy)
        {
            return Fail(gone, unit.Reason, mode != RestartMode.No, step, random);
        }

        if (exit.Succeeded && (unit.Spec.Role == UnitRole.Task || mode != RestartMode.Always))
        {
            return step.Move(unit, gone, UnitState.Completed, text);
        }

        // Restart("always") on a clean exit: back after the backoff, but no failure, so it never gives up.
        if (exit.Succeeded)
        {
            return RestartAfterBackoff(unit, gone, text, step, random);
        }

        var restart = mode != RestartMode.No;
        // The shell cannot find or run the command: no restart will make it appear.
        if (restart && CannotRun(exit))
        {
            return step.Move(unit, gone, UnitState.Failed, text);
        }

        if (restart && !unit.EverReady)
        {
            return FailBeforeReady(unit, gone, text, step, random);
        }

        return Fail(gone, text, restart, step, random);
    }

    /// <summary><c>exit 3: the line that explains it</c>: a recent error-looking stderr line, else the last line.</summary>
    public static string ExitReason(UnitRuntime unit, ProcessExit exit) =>
        (unit.ExplainingLine ?? unit.LastLine) is { } line ? $"{exit}: {line}" : exit.ToString();

    /// <summary>A failing exit of a unit that was never ready: restarts up to <see cref="RestartPolicy.EarlyExitLimit"/> such exits in a row.</summary>
    private static UnitRuntime FailBeforeReady(UnitRuntime unit, UnitRuntime gone, string text, Step step, Func<double> random)
    {
        var counted = gone with { EarlyExits = unit.EarlyExits + 1 };
        return counted.EarlyExits >= unit.Spec.Restart.EarlyExitLimit
            ? step.Move(unit, counted, UnitState.GaveUp, $"{text} (exited {counted.EarlyExits} times in a row before it was ever ready)")
            : Fail(counted, text, restart: true, step, random);
    }

    public static UnitRuntime ProbeResulted(UnitRuntime unit, ProbeResulted result, Step step)
    {
        var probe = result.Kind == ProbeKind.Readiness ? unit.Spec.Readiness : unit.Spec.Liveness;
        var watching = result.Kind == ProbeKind.Readiness ? UnitState.Running : UnitState.Ready;
        if (probe is null || unit.State != watching)
        {
            return unit;
        }

        var counted = result.Healthy
            ? unit with { ProbePasses = unit.ProbePasses + 1, LastProbeDetail = result.Detail }
            : unit with { ProbePasses = 0, ProbeFailures = unit.ProbeFailures + 1, LastProbeDetail = result.Detail };

        if (result.Kind == ProbeKind.Readiness)
        {
            // Readiness failures never kill: the startup deadline does.
            return counted.ProbePasses >= probe.SuccessThreshold ? MarkReady(counted, step, $"ready: {result.Detail}") : counted;
        }

        if (result.Healthy)
        {
            // Only a run of SuccessThreshold passes clears the failure count.
            return counted.ProbePasses >= probe.SuccessThreshold ? counted with { ProbeFailures = 0 } : counted;
        }

        return counted.ProbeFailures >= probe.FailureThreshold
            ? Recover(counted, step, $"liveness failed {counted.ProbeFailures} times: {result.Detail}")
            : counted;
    }

    public static UnitRuntime TimerFired(UnitRuntime unit, TimerKind kind, Step step, bool shuttingDown)
    {
        switch (kind)
        {
            case TimerKind.BackoffOver when unit.State == UnitState.Backoff && !shuttingDown:
                return Spawn(unit, step, "backoff over");
            case TimerKind.StartupDeadline when unit.State == UnitState.Running:
                var timeout = Durations.Format(unit.Spec.StartupTimeout);
                return Recover(unit, step, $"not ready after {timeout}: {unit.LastProbeDetail ?? "no probe result yet"}");
            case TimerKind.GracePeriodOver when unit.State is UnitState.Stopping or UnitState.Unhealthy && unit.Pid is not null:
                step.Emit(new SendSignal(unit.Name, unit.Generation, StopSignal.Kill));
                return unit;
            case TimerKind.StablePeriodReached when unit.State is UnitState.Running or UnitState.Ready:
                return unit with { BackoffAttempt = 0 };
            case TimerKind.RanLongEnough when unit.State == UnitState.Running:
                return MarkReady(unit, step, $"running {Durations.Format(unit.Spec.ReadyWithoutProbeAfter)}, no readiness probe");
            default:
                return unit;
        }
    }

    /// <summary>Begins a stop; <paramref name="afterExit"/> says whether it comes back.</summary>
    public static UnitRuntime Stop(UnitRuntime unit, Step step, string reason, AfterExit afterExit)
    {
        switch (unit.State)
        {
            case UnitState.Pending or UnitState.Backoff when afterExit == AfterExit.Stop:
                return step.Move(unit with { Wanted = false }, UnitState.Stopped, reason);
            case UnitState.Starting or UnitState.Stopping:
                return step.Move(unit, unit with { AfterExit = afterExit }, UnitState.Stopping, reason);
            case UnitState.Unhealthy:
                // TERM and the grace timer are already on their way.
                return step.Move(unit, unit with { AfterExit = afterExit }, UnitState.Stopping, reason);
            case UnitState.Running or UnitState.Ready:
                var stopping = step.Move(StopProbes(unit, step) with { AfterExit = afterExit }, UnitState.Stopping, reason);
                return SignalStop(stopping, step, StopSignal.Terminate);
            default:
                return unit;
        }
    }

    /// <summary>Second Ctrl-C: KILL now, no grace.</summary>
    public static UnitRuntime Kill(UnitRuntime unit, Step step)
    {
        if (unit.State is UnitState.Pending or UnitState.Backoff)
        {
            return step.Move(unit with { Wanted = false }, UnitState.Stopped, "force kill");
        }

        if (!unit.IsLive)
        {
            return unit;
        }

        if (unit.Pid is not null)
        {
            step.Emit(new SendSignal(unit.Name, unit.Generation, StopSignal.Kill));
        }

        return step.Move(StopProbes(unit, step) with { AfterExit = AfterExit.Stop }, UnitState.Stopping, "force kill");
    }

    private static UnitRuntime MarkReady(UnitRuntime unit, Step step, string reason)
    {
        if (unit.Spec.Readiness is not null)
        {
            step.Emit(new StopProbe(unit.Name, unit.Generation, ProbeKind.Readiness));
        }

        if (unit.Spec.Liveness is { } liveness)
        {
            step.Emit(new StartProbe(unit.Name, unit.Generation, ProbeKind.Liveness, liveness));
        }

        return step.Move(unit with { ProbePasses = 0, ProbeFailures = 0, EverReady = true, EarlyExits = 0 }, UnitState.Ready, reason);
    }

    /// <summary>Kills a unit that cannot serve, so that its exit restarts it per policy.</summary>
    private static UnitRuntime Recover(UnitRuntime unit, Step step, string reason)
    {
        var unhealthy = step.Move(StopProbes(unit, step), UnitState.Unhealthy, reason);
        return SignalStop(unhealthy, step, StopSignal.Terminate);
    }

    private static UnitRuntime SignalStop(UnitRuntime unit, Step step, StopSignal signal)
    {
        step.Emit(new SendSignal(unit.Name, unit.Generation, signal));
        if (signal != StopSignal.Kill)
        {
            step.Schedule(unit, TimerKind.GracePeriodOver, unit.Spec.StopGracePeriod);
        }

        return unit;
    }

    private static UnitRuntime StopProbes(UnitRuntime unit, Step step)
    {
        if (unit.State == UnitState.Running && unit.Spec.Readiness is not null)
        {
            step.Emit(new StopProbe(unit.Name, unit.Generation, ProbeKind.Readiness));
        }

        if (unit.State == UnitState.Ready && unit.Spec.Liveness is not null)
        {
            step.Emit(new StopProbe(unit.Name, unit.Generation, ProbeKind.Liveness));
        }

        return unit;
    }

    /// <summary>Counts a failure, then restarts after a backoff, gives up, or fails for good.</summary>
    private static UnitRuntime Fail(
        UnitRuntime unit, string reason, bool restart, Step step, Func<double> random)
    {
        var before = unit;
        var policy = unit.Spec.Restart;
        var windowStart = step.Now - policy.FailureWindow;
        var failed = unit with { Failures = unit.Failures.Add(step.Now).RemoveAll(at => at <= windowStart) };

        if (!restart)
        {
            return step.Move(before, failed, UnitState.Failed, reason);
        }

        if (failed.Failures.Count > policy.MaxFailures)
        {
            return step.Move(before, failed, UnitState.GaveUp, reason);
        }

        return RestartAfterBackoff(before, failed, reason, step, random);
    }

    private static UnitRuntime RestartAfterBackoff(UnitRuntime before, UnitRuntime unit, string reason, Step step, Func<double> random)
    {
        var delay = Backoff.Delay(unit.Spec.Restart, unit.BackoffAttempt, random());
        var waiting = unit with { BackoffAttempt = unit.BackoffAttempt + 1 };
        step.Schedule(waiting, TimerKind.BackoffOver, delay);
        return step.Move(before, waiting, UnitState.Backoff, $"{reason}; restart in {Durations.Format(delay)}");
    }
}
