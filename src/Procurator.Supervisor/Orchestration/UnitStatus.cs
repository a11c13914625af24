using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Orchestration;

/// <summary>One row of the status table.</summary>
/// <param name="Name">Unit name.</param>
/// <param name="State">Current state.</param>
/// <param name="Pid">Main PID while it has a process.</param>
/// <param name="StartedAt">When the current (or last) process was spawned.</param>
/// <param name="Restarts">Spawns after the first.</param>
/// <param name="LastExit">How the last process ended.</param>
/// <param name="Reason">Why it is in its state.</param>
/// <param name="LastLine">The last output line, quoted in failure reasons.</param>
internal sealed record UnitStatus(
    string Name,
    UnitState State,
    int? Pid,
    DateTimeOffset? StartedAt,
    int Restarts,
    ProcessExit? LastExit,
    string Reason,
    string? LastLine)
{
    internal static UnitStatus From(UnitRuntime unit) =>
        new(unit.Name, unit.State, unit.Pid, unit.StartedAt, unit.Restarts, unit.LastExit, unit.Reason, unit.LastLine);
}
