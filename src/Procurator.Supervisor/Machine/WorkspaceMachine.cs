using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Machine;

/// <summary>
/// The pure state machine of a whole workspace: routes events to units, starts units whose
/// dependencies are met, blocks those that cannot run here, skips those whose dependencies never
/// will be, and orders shutdown.
/// Not thread-safe: the driver calls it from one loop.
/// </summary>
internal sealed class WorkspaceMachine
{
    private readonly Dictionary<string, UnitRuntime> _units;
    private readonly Func<double> _random;
    private bool _forced;
    private bool _started;

    /// <param name="specs">The units; validated here (unknown names, cycles).</param>
    /// <param name="random">Values in [0, 1) for backoff jitter; inject a fixed one in tests.</param>
    public WorkspaceMachine(IEnumerable<UnitSpec> specs, Func<double>? random = null)
    {
        Graph = UnitGraph.Build(specs);
        _units = Graph.Order.ToDictionary(n => n, n => new UnitRuntime(Graph[n]), StringComparer.Ordinal);
        _random = random ?? Random.Shared.NextDouble;
    }

    public UnitGraph Graph { get; }

    public bool ShuttingDown { get; private set; }

    /// <summary>Every unit, dependencies first.</summary>
    public IEnumerable<UnitRuntime> Units => Graph.Order.Select(n => _units[n]);

    public UnitRuntime this[string name] => _units.TryGetValue(name, out var unit) ? unit : throw UnitGraphException.UnknownUnit(name);

    /// <summary>No unit has a process left.</summary>
    public bool AllDown => _units.Values.All(u => !u.IsLive);

    public IReadOnlyList<Effect> Handle(MachineEvent machineEvent, DateTimeOffset now)
    {
        var step = new Step(now);
        switch (machineEvent)
        {
            case StartRequested start:
                _started = true;
                Want(start.Units ?? Graph.Order);
                break;
            case ProcessSpawned spawned:
                Current(spawned.Unit, spawned.Generation, u => UnitMachine.Spawned(u, spawned.Pid, step, _forced));
                break;
            case SpawnFailed failed:
                Current(failed.Unit, failed.Generation, u => UnitMachine.SpawnFailed(u, failed, step, ShuttingDown, _random));
                break;
            case ProcessExited exited:
                Current(exited.Unit, exited.Generation, u => UnitMachine.Exited(u, exited.Exit, step, ShuttingDown, _random));
                break;
            case ProbeResulted probe:
                Current(probe.Unit, probe.Generation, u => UnitMachine.ProbeResulted(u, probe, step));
                break;
            case TimerFired timer:
                Current(timer.Unit, timer.Generation, u => UnitMachine.TimerFired(u, timer.Kind, step, ShuttingDown));
                break;
            case StopRequested stop:
                Set(UnitMachine.Stop(this[stop.Unit], step, "stop requested", AfterExit.Stop));
                break;
            case RestartRequested restart:
                Restart(this[restart.Unit], step);
                break;
            case ShutdownRequested:
                BeginShutdown(step);
                break;
            case ForceKillRequested:
                BeginShutdown(step);
                _forced = true;
                foreach (var name in Graph.Order.Reverse())
                {
                    Set(UnitMachine.Kill(_units[name], step));
                }

                break;
            case OutputObserved output:
                Set(this[output.Unit] with { LastLine = output.Text, ExplainingLine = output.Explaining });
                break;
        }

        Reconcile(step);
        return step.Effects;
    }

    /// <summary>
    /// Null before a start or while a wanted unit may still change on its own; otherwise whether every wanted
    /// unit is ready or completed, with the reason chain of each one that is not.
    /// </summary>
    public Settlement? Settle()
    {
        var wanted = Units.Where(u => u.Wanted).ToList();
        if (!_started || wanted.Any(u => u.State is not (UnitState.Ready or UnitState.Completed or UnitState.Failed
            or UnitState.GaveUp or UnitState.Skipped or UnitState.Stopped or UnitState.Blocked)))
        {
            return null;
        }

        var failures = wanted.Where(u => u.State is not (UnitState.Ready or UnitState.Completed)).Select(u => u.Describe()).ToList();
        return new Settlement(failures.Count == 0, failures);
    }

    /// <summary>Each wanted unit not ready or completed yet, as <c>api running: spawned pid 123</c>: what a wait still waits for.</summary>
    public IReadOnlyList<string> Unsettled() =>
        [.. Units.Where(u => u.Wanted && u.State is not (UnitState.Ready or UnitState.Completed)).Select(u => u.Describe())];

    private void Want(IEnumerable<string> names)
    {
        foreach (var name in Graph.Closure(names))
        {
            if (_units[name].State == UnitState.Pending)
            {
                Set(_units[name] with { Wanted = true });
            }
        }
    }

    /// <summary>Applies a transition only when the event belongs to the unit's current start.</summary>
    private void Current(string name, int generation, Func<UnitRuntime, UnitRuntime> transition)
    {
        var unit = this[name];
        if (unit.Generation == generation)
        {
            Set(transition(unit));
        }
    }

    private void Restart(UnitRuntime unit, Step step)
    {
        // A blocked unit stays blocked: only a change to the workspace can unblock it.
        if (ShuttingDown || unit.State == UnitState.Blocked)
        {
            return;
        }

        switch (unit.State)
        {
            case UnitState.Pending or UnitState.Starting:
                // Already on its way: a second spawn would duplicate it.
                Want([unit.Name]);
                break;
            case UnitState.Backoff:
                Set(UnitMachine.Spawn(unit, step, "restart requested"));
                break;
            case UnitState.Running or UnitState.Ready or UnitState.Unhealthy or UnitState.Stopping:
                Set(UnitMachine.Stop(unit, step, "restart requested", AfterExit.Restart));
                break;
            default:
                // Finished units start over with a clean failure record, once their dependencies allow.
                Set(step.Move(unit with { Failures = [], BackoffAttempt = 0, EverReady = false, EarlyExits = 0 }, UnitState.Pending, "restart requested"));
                Want([unit.Name]);
                break;
        }

        // Dependents skipped because of this unit wait for it again (their conditions are checked anew).
        Unskip(unit.Name, step);
    }

    private void Unskip(string name, Step step)
    {
        foreach (var dependent in Graph.DependentsOf(name))
        {
            if (_units[dependent] is { State: UnitState.Skipped, Wanted: true } skipped)
            {
                Set(step.Move(skipped, UnitState.Pending, $"waiting for {name} again"));
                Unskip(dependent, step);
            }
        }
    }

    private void BeginShutdown(Step step)
    {
        ShuttingDown = true;
        foreach (var unit in Units.Where(u => u.State is UnitState.Backoff || (u.State is UnitState.Pending && u.Wanted)).ToList())
        {
            Set(UnitMachine.Stop(unit, step, "shutdown", AfterExit.Stop));
        }
    }

    /// <summary>Starts, blocks or skips waiting units; during shutdown, stops units whose dependents are down.</summary>
    private void Reconcile(Step step)
    {
        if (ShuttingDown)
        {
            foreach (var name in Graph.Order.Reverse())
            {
                var unit = _units[name];
                var waiting = unit.State is UnitState.Starting or UnitState.Running or UnitState.Ready or UnitState.Unhealthy;
                if (waiting && Graph.DependentsOf(name).All(d => !_units[d].IsLive))
                {
                    Set(UnitMachine.Stop(unit, step, "shutdown", AfterExit.Stop));
                }
            }

            return;
        }

        // Dependencies come first in the order, so one pass sees every skip cascade.
        foreach (var name in Graph.Order)
        {
            var unit = _units[name];
            if (unit is not { State: UnitState.Pending, Wanted: true })
            {
                continue;
            }

            var blocker = unit.Spec.DependsOn.Select(d => _units[d.Name]).FirstOrDefault(Blocks);
            if (unit.Spec.Blocked is { } why)
            {
                Set(step.Move(unit, UnitState.Blocked, why));
            }
            else if (blocker is not null)
            {
                Set(step.Move(unit, UnitState.Skipped, blocker.Describe()));
            }
            else if (unit.Spec.DependsOn.All(d => Meets(_units[d.Name], d.Condition)))
            {
                Set(UnitMachine.Spawn(unit, step, "dependencies met"));
            }
        }
    }

    private static bool Meets(UnitRuntime dependency, DependencyCondition condition) => condition switch
    {
        DependencyCondition.Started => dependency.State is UnitState.Running or UnitState.Ready or UnitState.Unhealthy or UnitState.Completed,
        DependencyCondition.Ready => dependency.State is UnitState.Ready or UnitState.Completed,
        _ => dependency.State is UnitState.Completed,
    };

    /// <summary>A dependency that will not meet any condition unless someone restarts it.</summary>
    private static bool Blocks(UnitRuntime dependency) =>
        dependency.State is UnitState.Failed or UnitState.GaveUp or UnitState.Skipped or UnitState.Stopped or UnitState.Blocked;

    private void Set(UnitRuntime unit) => _units[unit.Name] = unit;
}
