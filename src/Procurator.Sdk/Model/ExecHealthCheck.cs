namespace Procurator.Model;

/// <summary>Healthy when the shell command <paramref name="Command"/>, run in the unit's folder, exits 0.</summary>
public sealed record ExecHealthCheck(string Command) : HealthCheck
{
    /// <inheritdoc/>
    public override string Type => "exec";
}
