namespace Procurator.Model;

/// <summary>Healthy when <paramref name="Url"/> answers 2xx or 3xx.</summary>
public sealed record HttpHealthCheck(string Url) : HealthCheck
{
    /// <inheritdoc/>
    public override string Type => "http";
}
