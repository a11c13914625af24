using System.Collections.Concurrent;
using Procurator.Supervisor.Probes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Tests.Fakes;

/// <summary>Answers at once with what the test set for the unit (unhealthy until set).</summary>
internal sealed class FakeProbeRunner : IProbeRunner
{
    private readonly ConcurrentDictionary<string, ProbeResult> _answers = new();
    private int _checks;

    public int Checks => _checks;

    public void Answer(string unit, bool healthy, string detail) => _answers[unit] = new ProbeResult(healthy, detail);

    public Task<ProbeResult> CheckAsync(string unitName, Probe probe, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checks);
        return Task.FromResult(_answers.GetValueOrDefault(unitName, new ProbeResult(false, "connection refused")));
    }
}
