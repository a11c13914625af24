using Procurator.Supervisor.Machine;

namespace Procurator.Supervisor.Orchestration;

/// <summary>Something the orchestrator reports on <see cref="Orchestrator.Events"/>: printed by the CLI, streamed as JSON.</summary>
internal abstract record OrchestratorEvent(DateTimeOffset At)
{
    /// <summary>One line for a terminal.</summary>
    public abstract string Describe();
}

/// <summary>A unit moved from one state to another.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Generation">The start the change belongs to (1 for the first spawn).</param>
/// <param name="Pid">The unit's main PID, when it has a process.</param>
/// <param name="Reason">Why: <c>ready: HTTP 200</c>, <c>exit 1 "boom"; restart in 500ms</c>.</param>
/// <param name="At">When (the orchestrator's clock).</param>
internal sealed record StateChange(string Unit, UnitState From, UnitState To, int Generation, int? Pid, string Reason, DateTimeOffset At)
    : OrchestratorEvent(At)
{
    public override string Describe() => $"{Unit}: {From} -> {To}: {Reason}";
}

/// <summary>A shutdown is still waiting for these units (sent every <see cref="OrchestratorOptions.WaitingNoticeInterval"/>).</summary>
internal sealed record ShutdownWaiting(IReadOnlyList<WaitingUnit> Units, DateTimeOffset At) : OrchestratorEvent(At)
{
    public override string Describe() => $"waiting for {string.Join(", ", Units.Select(u => u.Describe()))}";
}

/// <summary>A unit whose process has not exited yet, with the PIDs of its session still alive.</summary>
internal sealed record WaitingUnit(string Unit, UnitState State, IReadOnlyList<int> Pids)
{
    /// <summary><c>api (pids 123, 456)</c>.</summary>
    public string Describe() => Pids.Count switch
    {
        0 => Unit,
        1 => $"{Unit} (pid {Pids[0]})",
        _ => $"{Unit} (pids {string.Join(", ", Pids)})",
    };
}
