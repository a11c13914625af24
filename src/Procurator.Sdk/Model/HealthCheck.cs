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

    internal ScriptSite Site { get; init; } = ScriptSite.None;
}
