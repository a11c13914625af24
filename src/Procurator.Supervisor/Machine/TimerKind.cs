namespace Procurator.Supervisor.Machine;

/// <summary>The timers the machine asks its driver to run; each is tied to a unit generation.</summary>
internal enum TimerKind
{
    /// <summary>The backoff before a restart is over.</summary>
    BackoffOver,
    /// <summary>The unit had <c>StartupTimeout</c> to become ready.</summary>
    StartupDeadline,
    /// <summary>TERM was sent <c>StopGracePeriod</c> ago; time for KILL.</summary>
    GracePeriodOver,
    /// <summary>The unit ran <c>StableAfter</c> without exiting; the backoff counter resets.</summary>
    StablePeriodReached,
    /// <summary>A unit without a readiness probe ran <c>ReadyWithoutProbeAfter</c>: it counts as ready.</summary>
    RanLongEnough,
}
