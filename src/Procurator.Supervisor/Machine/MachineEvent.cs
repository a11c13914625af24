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

/// <summary>The unit's process could not be started.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Generation">The start it belongs to.</param>
/// <param name="Message">Why, in a few words.</param>
/// <param name="Permanent">A restart cannot fix it (held port, missing program or folder): fail at once.</param>
internal sealed record SpawnFailed(string Unit, int Generation, string Message, bool Permanent = false) : MachineEvent;

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

/// <summary>A line of the unit's output, kept so failure reasons can quote the line that explains them.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Text">The newest line.</param>
/// <param name="Explaining">The recent stderr line that best explains a failure (see <c>ErrorLines</c>), if any.</param>
internal sealed record OutputObserved(string Unit, string Text, string? Explaining = null) : MachineEvent;
