namespace Procurator.Supervisor.Machine;

/// <summary>Collects the effects of handling one event, all stamped with the same time.</summary>
internal sealed class Step(DateTimeOffset now)
{
    private readonly List<Effect> _effects = [];

    public DateTimeOffset Now { get; } = now;
    public IReadOnlyList<Effect> Effects => _effects;

    public void Emit(Effect effect) => _effects.Add(effect);

    /// <summary>Records the new state and its reason, and notifies when the state changed.</summary>
    public UnitRuntime Move(UnitRuntime before, UnitRuntime after, UnitState to, string reason)
    {
        var moved = after with { State = to, Reason = reason };
        if (before.State != to)
        {
            Emit(new StateChanged(moved.Name, before.State, to, moved.Generation, moved.Pid, reason, Now));
        }

        return moved;
    }

    public UnitRuntime Move(UnitRuntime unit, UnitState to, string reason) => Move(unit, unit, to, reason);

    public void Schedule(UnitRuntime unit, TimerKind kind, TimeSpan after) =>
        Emit(new ScheduleTimer(unit.Name, unit.Generation, kind, Now + after));
}
