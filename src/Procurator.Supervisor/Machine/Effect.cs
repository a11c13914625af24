using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Machine;

/// <summary>A command for the driver, returned by <see cref="WorkspaceMachine.Handle"/>.</summary>
internal abstract record Effect(string Unit, int Generation);

internal sealed record SpawnProcess(string Unit, int Generation) : Effect(Unit, Generation);

internal sealed record SendSignal(string Unit, int Generation, StopSignal Signal) : Effect(Unit, Generation);

internal sealed record StartProbe(string Unit, int Generation, ProbeKind Kind, Probe Probe) : Effect(Unit, Generation);

internal sealed record StopProbe(string Unit, int Generation, ProbeKind Kind) : Effect(Unit, Generation);

/// <summary>Fire <see cref="TimerFired"/> for this unit and generation at <paramref name="Due"/>.</summary>
internal sealed record ScheduleTimer(string Unit, int Generation, TimerKind Kind, DateTimeOffset Due) : Effect(Unit, Generation);

internal sealed record StateChanged(
    string Unit, UnitState From, UnitState To, int Generation, int? Pid, string Reason, DateTimeOffset At)
    : Effect(Unit, Generation);
