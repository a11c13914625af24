namespace Procurator.Model;

/// <summary>
/// How Procurator decides that a project or service is healthy: one of <see cref="TcpHealthCheck"/>,
/// <see cref="HttpHealthCheck"/>, <see cref="ExecHealthCheck"/> or <see cref="LogLineHealthCheck"/>
/// (made by the DSL's <c>Tcp</c>, <c>Http</c>, <c>Exec</c> and <c>LogLine</c>). The set is closed, so a
/// switch over it is complete.
/// </summary>
public abstract record HealthCheck
{
    private protected HealthCheck()
    {
    }

    /// <summary>Its name in <c>procurator.json</c>: <c>tcp</c>, <c>http</c>, <c>exec</c> or <c>log</c>.</summary>
    public abstract string Type { get; }

    /// <summary>
    /// Time between two attempts: the liveness period, and the longest wait between readiness
    /// attempts (which start 10 ms apart and double). Null: 2 s for liveness, 100 ms for readiness.
    /// </summary>
    public TimeSpan? Period { get; init; }

    /// <summary>How long one attempt may take before it counts as failed. Null: 2 s.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Failed liveness attempts in a row that restart the unit. Null: 3.</summary>
    public int? Failures { get; init; }

    /// <summary>Passing attempts in a row that make the unit ready (and clear liveness failures). Null: 1.</summary>
    public int? Successes { get; init; }

    internal ScriptSite Site { get; init; } = ScriptSite.None;
}
