using System.Collections.Concurrent;
using System.Threading.Channels;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Probes;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Orchestration;

/// <summary>
/// Runs a workspace's units: owns the <see cref="WorkspaceMachine"/>, feeds it events one at a
/// time from a single queue, and carries out its effects against the process runner, the probe
/// runner and the clock. Every public member is safe to call from any thread.
/// </summary>
internal sealed partial class Orchestrator : IAsyncDisposable
{
    private static readonly object Done = new();

    private readonly WorkspaceMachine _machine;
    private readonly IProcessRunner _runner;
    private readonly IProbeRunner _probes;
    private readonly ILogSink _sink;
    private readonly ObservingLogSink _output;

    // What processes write to: their secrets masked before anything (even the observer of reasons) reads a line.
    private readonly ILogSink _processOutput;
    private readonly TimeProvider _time;
    private readonly OrchestratorOptions _options;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<OrchestratorEvent> _events = Channel.CreateUnbounded<OrchestratorEvent>();
    private readonly ConcurrentDictionary<string, TrackedProcess> _processes = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiters = [];
    private readonly Lock _idleLock = new();
    private readonly Task _loop;
    private int _pending;
    private TaskCompletionSource? _idle;
    private volatile IReadOnlyList<UnitStatus> _snapshot;
    private ITimer? _notices;
    private Exception? _fault;

    /// <param name="units">The units; an unknown dependency or a cycle throws <see cref="UnitGraphException"/>.</param>
    /// <param name="runner">Spawns processes.</param>
    /// <param name="probes">Runs tcp, http and exec probes (log-line probes are matched here).</param>
    /// <param name="sink">Receives every output line (and state changes, see <see cref="OrchestratorOptions.WriteStateChangesToLog"/>).</param>
    /// <param name="time">The clock for timers and probe periods.</param>
    /// <param name="options">Jitter source and notice interval.</param>
    public Orchestrator(
        IEnumerable<UnitSpec> units,
        IProcessRunner runner,
        IProbeRunner probes,
        ILogSink sink,
        TimeProvider time,
        OrchestratorOptions? options = null)
    {
        _options = options ?? new OrchestratorOptions();
        var specs = units.ToArray();
        _machine = new WorkspaceMachine(specs, _options.Jitter);
        _runner = runner;
        _probes = probes;
        _sink = sink;
        _output = new ObservingLogSink(sink, Post);
        _processOutput = SecretMaskingSink.Over(_output, specs.Select(u => (u.Name, u.Secrets)));
        _time = time;
        _snapshot = [.. _machine.Units.Select(UnitStatus.From)];
        _loop = Task.Run(RunAsync);
    }

    /// <summary>State changes and shutdown notices, in order. Completes on dispose.</summary>
    public ChannelReader<OrchestratorEvent> Events => _events.Reader;

    /// <summary>Every unit, dependencies first, as of the last handled event.</summary>
    public IReadOnlyList<UnitStatus> Snapshot() => _snapshot;

    /// <summary>Units whose process has not exited yet, with their live PIDs: what a shutdown waits for.</summary>
    public IReadOnlyList<WaitingUnit> Waiting() =>
        [.. _snapshot.Where(s => s.State is UnitState.Starting or UnitState.Running or UnitState.Ready
                or UnitState.Unhealthy or UnitState.Stopping)
            .Select(s => new WaitingUnit(s.Name, s.State, LivePids(s)))];

    /// <summary>Starts <paramref name="selected"/> (all when null) and their dependencies; returns once the request is handled.</summary>
    public Task StartAsync(IEnumerable<string>? selected = null, CancellationToken cancellationToken = default)
    {
        var names = selected?.Select(n => _machine.Graph[n].Name).ToList();
        Post(new StartRequested(names));
        return WaitAsync(_ => Done, cancellationToken);
    }

    /// <summary>
    /// Completes when every started unit is Ready or Completed, or when the rest can no longer
    /// get there on their own; then <see cref="Settlement.Failures"/> holds the reason chains.
    /// </summary>
    public Task<Settlement> WaitUntilReadyAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(m => m.Settle(), cancellationToken);

    /// <summary>What a wait is still waiting for (<see cref="WorkspaceMachine.Unsettled"/>), read on the loop.</summary>
    public Task<IReadOnlyList<string>> UnsettledAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(m => m.Unsettled(), cancellationToken);

    /// <summary>Stops one unit (TERM, then KILL after its grace period); completes when its process has exited.</summary>
    public Task StopUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        var name = _machine.Graph[unit].Name;
        Post(new StopRequested(name));
        return WaitAsync(m => m[name].IsLive ? null : Done, cancellationToken);
    }

    /// <summary>Restarts one unit (stop, then spawn at once); returns once the request is handled.</summary>
    public Task RestartUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        Post(new RestartRequested(_machine.Graph[unit].Name));
        return WaitAsync(_ => Done, cancellationToken);
    }

    /// <summary>
    /// Stops everything, dependents before their dependencies, and completes when every process
    /// has exited. Meanwhile <see cref="ShutdownWaiting"/> notices say what it waits for.
    /// Cancelling stops the waiting, not the shutdown; call <see cref="ForceKill"/> to hurry it.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        var interval = _options.WaitingNoticeInterval;
        var notices = _time.CreateTimer(_ => Notify(), null, interval, interval);
        if (Interlocked.CompareExchange(ref _notices, notices, null) is not null)
        {
            notices.Dispose();
        }

        Post(new ShutdownRequested());
        await WaitAsync(m => m.AllDown ? Done : null, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _notices, null)?.Dispose();
    }

    /// <summary>KILL every unit's process group now (the second Ctrl-C); a running shutdown then completes.</summary>
    public void ForceKill() => Post(new ForceKillRequested());

    /// <summary>Completes when the queue is empty, nothing is being handled and no spawn is in flight (for tests).</summary>
    internal Task WhenIdleAsync()
    {
        lock (_idleLock)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <summary>Stops the loop, probes and timers, and KILLs any process still running (no orphans).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);

        // A spawn still in flight would otherwise start a process nobody kills.
        await Task.WhenAll(_spawns.Keys).ConfigureAwait(false);
        Interlocked.Exchange(ref _notices, null)?.Dispose();
        DisposeEffects();
        foreach (var tracked in _processes.Values)
        {
            TrySignal(tracked.Process, StopSignal.Kill);
        }

        foreach (var waiter in _waiters)
        {
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(Orchestrator)));
        }

        _events.Writer.TryComplete();
    }

    private async Task<T> WaitAsync<T>(Func<WorkspaceMachine, T?> check, CancellationToken cancellationToken)
        where T : class
    {
        var completion = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Waiter(m => check(m), completion));
        return (T)await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Post(object item)
    {
        lock (_idleLock)
        {
            if (!_queue.Writer.TryWrite(item))
            {
                return;
            }

            _pending++;
        }
    }

    private async Task RunAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Handle(item);
            }
            catch (Exception ex)
            {
                // A bug in the machine or a driver: fail the callers instead of hanging them.
                _fault = ex;
                CheckWaiters();
            }
            finally
            {
                Handled();
            }
        }
    }

    private void Handle(object item)
    {
        switch (item)
        {
            case Waiter waiter:
                _waiters.Add(waiter);
                break;
            case MachineEvent machineEvent:
                Apply(machineEvent);
                break;
            case ObservingLogSink.OutputWaiting output:
                Apply(_output.Take(output.Unit));
                break;
        }

        CheckWaiters();
    }

    private void CheckWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var waiter = _waiters[i];
            if (_fault is not null)
            {
                waiter.Completion.TrySetException(_fault);
            }
            else if (waiter.Check(_machine) is { } result)
            {
                waiter.Completion.TrySetResult(result);
            }
            else
            {
                continue;
            }

            _waiters.RemoveAt(i);
        }
    }

    /// <summary>Counts work done off the loop (a spawn) as pending until it has posted its outcome.</summary>
    private void BeginBackground()
    {
        lock (_idleLock)
        {
            _pending++;
        }
    }

    private void Handled()
    {
        lock (_idleLock)
        {
            if (--_pending == 0 && _idle is { } idle)
            {
                _idle = null;
                idle.TrySetResult();
            }
        }
    }

    private void Notify()
    {
        var waiting = Waiting();
        if (waiting.Count > 0)
        {
            _events.Writer.TryWrite(new ShutdownWaiting(waiting, _time.GetUtcNow()));
        }
    }

    private IReadOnlyList<int> LivePids(UnitStatus status)
    {
        try
        {
            return _processes.TryGetValue(status.Name, out var tracked) ? tracked.Process.LivePids()
                : status.Pid is { } pid ? [pid] : [];
        }
        catch (InvalidOperationException)
        {
            return status.Pid is { } pid ? [pid] : [];
        }
    }

    private sealed record Waiter(Func<WorkspaceMachine, object?> Check, TaskCompletionSource<object> Completion);

    private sealed record TrackedProcess(int Generation, IRunningProcess Process);
}
