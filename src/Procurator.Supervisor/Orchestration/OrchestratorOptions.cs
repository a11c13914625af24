namespace Procurator.Supervisor.Orchestration;

/// <summary>Knobs of the <see cref="Orchestrator"/>; the defaults suit the CLI.</summary>
internal sealed record OrchestratorOptions
{
    /// <summary>Values in [0, 1) for backoff jitter; null uses <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>How often a shutdown reports the units and PIDs it still waits for.</summary>
    public TimeSpan WaitingNoticeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Also write each state change to the log sink as a <c>Manager</c> line (so log files show it).</summary>
    public bool WriteStateChangesToLog { get; init; } = true;
}
