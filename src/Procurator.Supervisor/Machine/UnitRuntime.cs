using System.Collections.Immutable;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Machine;

/// <summary>What the manager does once the process of a stopping unit has exited.</summary>
internal enum AfterExit
{
    Stop,
    Restart,
}

/// <summary>The state of one unit; replaced as a whole (with <c>with</c>) on every transition.</summary>
internal sealed record UnitRuntime(UnitSpec Spec)
{
    public string Name => Spec.Name;
    public UnitState State { get; init; } = UnitState.Pending;

    /// <summary>Number of the current start; every spawn takes a new one.</summary>
    public int Generation { get; init; }
    public int? Pid { get; init; }

    /// <summary>Requested to run (selected, or a dependency of a selected unit).</summary>
    public bool Wanted { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public int Spawns { get; init; }
    public int Restarts => Math.Max(0, Spawns - 1);
    public ProcessExit? LastExit { get; init; }

    /// <summary>Why the unit is in its state; quoted in reason chains.</summary>
    public string Reason { get; init; } = "not started";
    public string? LastLine { get; init; }

    /// <summary>The recent stderr line that looks like an error, preferred over <see cref="LastLine"/> in reasons.</summary>
    public string? ExplainingLine { get; init; }

    /// <summary>Has been ready at least once since it was first started (or restarted by hand).</summary>
    public bool EverReady { get; init; }

    /// <summary>Failing exits in a row before it was ever ready; see <see cref="RestartPolicy.EarlyExitLimit"/>.</summary>
    public int EarlyExits { get; init; }

    /// <summary>Times of failures inside the failure window, oldest first.</summary>
    public ImmutableList<DateTimeOffset> Failures { get; init; } = [];
    public int BackoffAttempt { get; init; }
    public AfterExit AfterExit { get; init; }
    public int ProbePasses { get; init; }
    public int ProbeFailures { get; init; }
    public string? LastProbeDetail { get; init; }

    /// <summary>A process may exist: it has to be stopped and its exit waited for.</summary>
    public bool IsLive => State is UnitState.Starting or UnitState.Running or UnitState.Ready
        or UnitState.Unhealthy or UnitState.Stopping;

    /// <summary>The unit as a dependency that blocks others: <c>api gave up: exit 1 "boom"</c>.</summary>
    public string Describe() => $"{Name} {Verb(State)}: {Reason}";

    private static string Verb(UnitState state) => state switch
    {
        UnitState.GaveUp => "gave up",
        _ => state.ToString().ToLowerInvariant(),
    };
}
