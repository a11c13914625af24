using System.Threading.Channels;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Planning;

namespace Procurator.Supervisor.Control;

/// <summary>
/// Answers control requests against a running orchestrator (status, start, stop, restart, wait,
/// down, events) and fans its events out to every client that follows them.
/// </summary>
internal sealed class ManagerHost
{
    private readonly Orchestrator _orchestrator;
    private readonly UnitPlan _plan;
    private readonly string _workspace;
    private readonly StatePaths _state;
    private readonly TaskCompletionSource<string> _stopRequested;
    private readonly ManagerReport _manager = new(Environment.ProcessId, DateTimeOffset.UtcNow);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Channel<OrchestratorEvent>> _subscribers = [];
    private readonly Lock _gate = new();

    private readonly IReadOnlyList<ProblemReport> _problems;

    /// <param name="orchestrator">Runs the units.</param>
    /// <param name="plan">Every unit of the workspace.</param>
    /// <param name="workspace">The workspace folder.</param>
    /// <param name="state">Its state directory.</param>
    /// <param name="stopRequested">Completed by <c>down</c>.</param>
    /// <param name="problems">The located problems that block units, for <c>status</c>.</param>
    public ManagerHost(Orchestrator orchestrator, UnitPlan plan, string workspace, StatePaths state, TaskCompletionSource<string> stopRequested, IReadOnlyList<ProblemReport>? problems = null)
    {
        _problems = problems ?? [];
        _orchestrator = orchestrator;
        _plan = plan;
        _workspace = workspace;
        _state = state;
        _stopRequested = stopRequested;
    }

    /// <summary>Hands an orchestrator event to every follower.</summary>
    public void Publish(OrchestratorEvent change)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Everything has stopped: <c>down</c> requests complete, followers end.</summary>
    public void MarkStopped()
    {
        _stopped.TrySetResult();
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
        }
    }

    public StatusReport Status()
    {
        var now = DateTimeOffset.UtcNow;
        var specs = _plan.Units.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var units = _orchestrator.Snapshot().Select(s =>
        {
            var spec = specs[s.Name];
            var live = s.Pid is not null;
            var health = s.State switch
            {
                UnitState.Ready => "healthy",
                UnitState.Unhealthy => "unhealthy",
                UnitState.Running when spec.Readiness is not null => "checking",
                _ => "-",
            };
            return new UnitReport(
                s.Name, ControlJson.StateName(s.State), health, s.Pid, s.StartedAt,
                live && s.StartedAt is { } started ? (long)(now - started).TotalSeconds : null,
                s.Restarts, s.LastExit is { } exit ? new ExitReport(exit.ExitCode, exit.Signal) : null, spec.Ports, s.Reason);
        }).ToList();
        return new StatusReport(_workspace, _state.Directory, _manager, units, _problems);
    }

    public async Task HandleAsync(ControlRequest request, Func<ControlResponse, Task> send, CancellationToken cancellationToken)
    {
        switch (request.Command)
        {
            case "ping" or "status":
                await send(new ControlResponse { Done = true, Status = Status() });
                break;
            case "start" or "stop" or "restart":
                await ActAsync(request, send, cancellationToken);
                break;
            case "wait":
                await WaitAsync(request.TimeoutSeconds, send, cancellationToken);
                break;
            case "down":
                await DownAsync(send, cancellationToken);
                break;
            case "events":
                await FollowAsync(send, cancellationToken);
                break;
            default:
                await send(new ControlResponse { Ok = false, Done = true, Error = $"unknown command '{request.Command}'" });
                break;
        }
    }

    private async Task ActAsync(ControlRequest request, Func<ControlResponse, Task> send, CancellationToken cancellationToken)
    {
        var units = _plan.Select(request.Units ?? [], out var unknown);
        if (unknown.Count > 0 || units.Count == 0)
        {
            var known = string.Join(", ", _plan.UnitsByName.Keys.Order(StringComparer.Ordinal));
            await send(new ControlResponse
            {
                Ok = false,
                Done = true,
                Error = unknown.Count > 0 ? $"no project, service or unit named {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {known}" : "name at least one unit",
            });
            return;
        }

        var states = _orchestrator.Snapshot().ToDictionary(s => s.Name, s => s.State, StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var unit in units)
        {
            var state = states[unit];
            if (request.Command is "start" or "restart" && _plan.BlockerOf(unit) is { } blocker)
            {
                // Only a change to the workspace can unblock it; a start would end skipped again.
                refused.Add(blocker.Name == unit ? $"{unit} cannot start: {blocker.Blocked}"
                    : $"{unit} cannot start: it depends on {blocker.Name}, which cannot start: {blocker.Blocked}");
                continue;
            }

            switch (request.Command)
            {
                case "start" when state == UnitState.Pending:
                    await _orchestrator.StartAsync([unit], cancellationToken);
                    await send(new ControlResponse { Message = $"starting {unit}" });
                    break;
                case "start" when state is UnitState.Stopped or UnitState.Failed or UnitState.GaveUp or UnitState.Skipped or UnitState.Completed:
                    await _orchestrator.RestartUnitAsync(unit, cancellationToken);
                    await send(new ControlResponse { Message = $"starting {unit} (was {ControlJson.StateName(state)})" });
                    break;
                case "start":
                    await send(new ControlResponse { Message = $"{unit} is already {ControlJson.StateName(state)}" });
                    break;
                case "stop":
                    await send(new ControlResponse { Message = $"stopping {unit}" });
                    await _orchestrator.StopUnitAsync(unit, cancellationToken);
                    break;
                default:
                    await _orchestrator.RestartUnitAsync(unit, cancellationToken);
                    await send(new ControlResponse { Message = $"restarting {unit}" });
                    break;
            }
        }

        await send(new ControlResponse { Ok = refused.Count == 0, Done = true, Error = refused.Count == 0 ? null : string.Join("; ", refused), Status = Status() });
    }

    /// <summary>Answers once every wanted unit is settled, or after the timeout with what is still awaited.</summary>
    private async Task WaitAsync(double? timeoutSeconds, Func<ControlResponse, Task> send, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeoutSeconds is { } seconds)
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        try
        {
            var settlement = await _orchestrator.WaitUntilReadyAsync(deadline.Token);
            await send(new ControlResponse { Ok = settlement.AllReady, Done = true, Failures = settlement.Failures });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var unsettled = await _orchestrator.UnsettledAsync(cancellationToken);
            await send(new ControlResponse { Ok = false, Done = true, Error = $"not ready after {timeoutSeconds:0.###} s", Failures = unsettled });
        }
    }

    private async Task DownAsync(Func<ControlResponse, Task> send, CancellationToken cancellationToken)
    {
        var events = Subscribe();
        try
        {
            var live = _orchestrator.Waiting();
            await send(new ControlResponse { Message = live.Count == 0 ? "stopping" : $"stopping {string.Join(", ", live.Select(u => u.Unit))}" });
            _stopRequested.TrySetResult("down requested");
            var stopped = _stopped.Task;
            while (!stopped.IsCompleted)
            {
                var next = events.Reader.WaitToReadAsync(cancellationToken).AsTask();
                await Task.WhenAny(stopped, next);
                while (events.Reader.TryRead(out var change))
                {
                    if (change is ShutdownWaiting waiting)
                    {
                        await send(new ControlResponse { Message = waiting.Describe() });
                    }
                }

                if (next.IsCompleted && !await next)
                {
                    break;
                }
            }

            await stopped.WaitAsync(cancellationToken);
            await send(new ControlResponse { Done = true, Message = "everything stopped" });
        }
        finally
        {
            Unsubscribe(events);
        }
    }

    private async Task FollowAsync(Func<ControlResponse, Task> send, CancellationToken cancellationToken)
    {
        var events = Subscribe();
        try
        {
            await foreach (var change in events.Reader.ReadAllAsync(cancellationToken))
            {
                if (change is StateChange c)
                {
                    await send(new ControlResponse
                    {
                        Event = new EventReport(c.Unit, ControlJson.StateName(c.From), ControlJson.StateName(c.To), c.Generation, c.Pid, c.Reason, c.At),
                    });
                }
            }

            await send(new ControlResponse { Done = true, Message = "the manager stopped" });
        }
        finally
        {
            Unsubscribe(events);
        }
    }

    private Channel<OrchestratorEvent> Subscribe()
    {
        var channel = Channel.CreateUnbounded<OrchestratorEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_stopped.Task.IsCompleted)
            {
                channel.Writer.TryComplete();
            }

            _subscribers.Add(channel);
        }

        return channel;
    }

    private void Unsubscribe(Channel<OrchestratorEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
    }
}
