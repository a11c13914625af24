using Microsoft.Extensions.Time.Testing;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Orchestration;

/// <summary>An orchestrator over fakes; every step awaits the queue going idle, so nothing sleeps.</summary>
internal sealed class OrchestratorHarness : IAsyncDisposable
{
    public OrchestratorHarness(params UnitSpec[] units)
        : this(new FakeProcessRunner(), units)
    {
    }

    public OrchestratorHarness(FakeProcessRunner runner, params UnitSpec[] units)
    {
        Runner = runner;
        Orchestrator = new Orchestrator(units, Runner, Probes, Sink, Time, new OrchestratorOptions { Jitter = () => 0 });
    }

    public FakeProcessRunner Runner { get; }
    public FakeProbeRunner Probes { get; } = new();
    public RecordingLogSink Sink { get; } = new();
    public FakeTimeProvider Time { get; } = new();
    public Orchestrator Orchestrator { get; }

    public Task Idle() => Orchestrator.WhenIdleAsync();

    public async Task Advance(TimeSpan by)
    {
        await Idle();
        Time.Advance(by);
        await Idle();
    }

    public async Task Exit(string unit, int code)
    {
        Runner.Latest(unit).Exit(code);
        await Idle();
    }

    public List<OrchestratorEvent> DrainEvents()
    {
        var events = new List<OrchestratorEvent>();
        while (Orchestrator.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    public ValueTask DisposeAsync() => Orchestrator.DisposeAsync();
}
