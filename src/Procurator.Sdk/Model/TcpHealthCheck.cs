namespace Procurator.Model;

/// <summary>Healthy when a TCP connection to <paramref name="Port"/> on the loopback interface opens.</summary>
public sealed record TcpHealthCheck(int Port) : HealthCheck
{
    /// <inheritdoc/>
    public override string Type => "tcp";
}
