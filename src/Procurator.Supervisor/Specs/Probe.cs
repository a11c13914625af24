namespace Procurator.Supervisor.Specs;

/// <summary>
/// A health probe. Readiness polling starts fast (10 ms, doubling up to <see cref="Period"/>,
/// which defaults to 100 ms) so that dependents wait no longer than needed; thresholds count
/// consecutive results.
/// </summary>
internal abstract record Probe
{
    public TimeSpan Period { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan InitialDelay { get; init; } = TimeSpan.Zero;
    public int SuccessThreshold { get; init; } = 1;
    public int FailureThreshold { get; init; } = 3;

    /// <summary>Short text for status and errors: <c>tcp 127.0.0.1:5432</c>.</summary>
    public abstract string Describe();
}

/// <summary>Healthy when a TCP connection to the port is accepted.</summary>
internal sealed record TcpProbe(string Host, int Port) : Probe
{
    public override string Describe() => $"tcp {Host}:{Port}";
}

/// <summary>Healthy on a 2xx or 3xx answer.</summary>
internal sealed record HttpProbe(string Url) : Probe
{
    public override string Describe() => $"http {Url}";
}

/// <summary>Healthy when the command exits 0.</summary>
internal sealed record ExecProbe(CommandSpec Command) : Probe
{
    public override string Describe() => $"exec {string.Join(' ', Command.Arguments.Prepend(Command.FileName))}";
}

/// <summary>Healthy once a line of the unit's output matches the regular expression (readiness only).</summary>
internal sealed record LogLineProbe(string Pattern) : Probe
{
    public override string Describe() => $"log /{Pattern}/";
}
