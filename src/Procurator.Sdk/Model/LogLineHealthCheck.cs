namespace Procurator.Model;

/// <summary>Ready once a line of the unit's output matches the regular expression <paramref name="Pattern"/> (readiness only).</summary>
public sealed record LogLineHealthCheck(string Pattern) : HealthCheck
{
    /// <inheritdoc/>
    public override string Type => "log";
}
