using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Probes;

/// <summary>
/// Runs one attempt of a tcp, http or exec probe. Log-line probes are not run here: the
/// orchestrator matches them against the unit's output as it arrives.
/// </summary>
internal interface IProbeRunner
{
    /// <summary>One attempt, bounded by <see cref="Probe.Timeout"/>; never throws for an unhealthy answer.</summary>
    Task<ProbeResult> CheckAsync(string unitName, Probe probe, CancellationToken cancellationToken);
}

/// <param name="Healthy">Whether this attempt passed.</param>
/// <param name="Detail">What was seen: <c>connection refused</c>, <c>HTTP 503</c>, <c>exit 1: …</c>.</param>
internal sealed record ProbeResult(bool Healthy, string Detail);
