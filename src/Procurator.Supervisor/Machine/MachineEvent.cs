using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Machine;

/// <summary>
/// Something that happened, fed to <see cref="WorkspaceMachine.Handle"/>. Events about a
/// process carry the generation of the start they belong to; a stale generation is ignored.
/// </summary>
internal abstract record MachineEvent;

/// <summary>Start the given units and their transitive dependencies; null means all units.</summary>
internal sealed record StartRequested(IReadOnlyCollection<string>? Units) : MachineEvent;

internal sealed record ProcessSpawned(string Unit, int Generation, int Pid) : MachineEvent;

internal sealed record SpawnFailed(string Unit, int Generation, string Message) : MachineEvent;

internal sealed record ProcessExited(string Unit, int Generation, ProcessExit Exit) : MachineEvent;

internal sealed record ProbeResulted(string Unit, int Generation, ProbeKind Kind, bool Healthy, string Detail) : MachineEvent;

internal sealed record TimerFired(string Unit, int Generation, TimerKind Kind) : MachineEvent;

/// <summary>Stop one unit (its dependents keep running).</summary>
internal sealed record StopRequested(string Unit) : MachineEvent;

/// <summary>Stop everything, dependents before their dependencies.</summary>
internal sealed record ShutdownRequested : MachineEvent;

internal sealed record RestartRequested(string Unit) : MachineEvent;

/// <summary>The second Ctrl-C: KILL every process now.</summary>
internal sealed record ForceKillRequested : MachineEvent;

/// <summary>A line of the unit's output, kept so failure reasons can quote the last one.</summary>
internal sealed record OutputObserved(string Unit, string Text) : MachineEvent;
