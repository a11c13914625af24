namespace Procurator.Supervisor.Machine;

/// <summary>Where a unit is in its lifecycle, as shown by <c>status</c> and streamed to clients.</summary>
internal enum UnitState
{
    /// <summary>Not started yet: not requested, or waiting for its dependencies.</summary>
    Pending,
    /// <summary>Spawn requested, no PID yet.</summary>
    Starting,
    /// <summary>Spawned; waiting for its readiness probe (tasks stay here until they exit).</summary>
    Running,
    /// <summary>Readiness passed (or spawned, when it has no readiness probe).</summary>
    Ready,
    /// <summary>Liveness failed or the startup deadline passed; being stopped so it can be restarted.</summary>
    Unhealthy,
    /// <summary>TERM sent; KILL follows after the grace period.</summary>
    Stopping,
    /// <summary>Stopped on request; its exit has been observed.</summary>
    Stopped,
    /// <summary>Exited 0 and is not restarted (a task that succeeded).</summary>
    Completed,
    /// <summary>Failed and its restart policy does not restart it.</summary>
    Failed,
    /// <summary>Waiting before the next restart.</summary>
    Backoff,
    /// <summary>Failed too often inside the failure window; not restarted again.</summary>
    GaveUp,
    /// <summary>Never started because a dependency cannot meet its condition.</summary>
    Skipped,
    /// <summary>Cannot run here (its spec's <c>Blocked</c>: no way to run its kind, a preset's binaries missing); never spawned.</summary>
    Blocked,
}
