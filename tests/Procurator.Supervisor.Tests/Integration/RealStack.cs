using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Probes;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Integration;

/// <summary>
/// An orchestrator over the real thing: <see cref="PosixProcessRunner"/> with a
/// <see cref="Guardian"/>, the real <see cref="ProbeRunner"/>, the system clock, and a
/// recording sink. Events are read on demand: the orchestrator publishes a change before it
/// answers waiters, so once a wait completes every change it saw can be read here.
/// </summary>
internal sealed class RealStack : IAsyncDisposable
{
    private readonly Guardian _guardian;
    private readonly ProbeRunner _probes;
    private readonly List<OrchestratorEvent> _events = [];

    /// <param name="units">The units.</param>
    /// <param name="options">Orchestrator options.</param>
    /// <param name="checkPorts">Check declared ports before a spawn, as <c>procurator up</c> does (<see cref="PortCheckingRunner"/>).</param>
    public RealStack(IEnumerable<UnitSpec> units, OrchestratorOptions? options = null, bool checkPorts = false)
    {
        _guardian = Guardian.Start(grace: TimeSpan.FromMilliseconds(500));
        var specs = units.ToList();
        var posix = new PosixProcessRunner(_guardian);
        IProcessRunner runner = checkPorts ? new PortCheckingRunner(posix, specs) : posix;
        _probes = new ProbeRunner(posix);
        Orchestrator = new Orchestrator(specs, runner, _probes, Sink, TimeProvider.System, options);
    }

    public Orchestrator Orchestrator { get; }

    public RecordingLogSink Sink { get; } = new();

    /// <summary>Every event so far, in the order the orchestrator published them.</summary>
    public IReadOnlyList<OrchestratorEvent> Events
    {
        get
        {
            lock (_events)
            {
                while (Orchestrator.Events.TryRead(out var e))
                    _events.Add(e);
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<StateChange> Changes => [.. Events.OfType<StateChange>()];

    /// <summary>The changes of one unit, in order.</summary>
    public IReadOnlyList<StateChange> ChangesOf(string unit) => [.. Changes.Where(c => c.Unit == unit)];

    public UnitStatus Status(string unit) => Orchestrator.Snapshot().Single(s => s.Name == unit);

    /// <summary>Kills whatever is still running, then closes the guardian (its safety net) and the probes.</summary>
    public async ValueTask DisposeAsync()
    {
        await Orchestrator.DisposeAsync();
        _probes.Dispose();
        await _guardian.DisposeAsync();
    }
}

/// <summary>Unit specs that run real <c>sh -c</c> scripts.</summary>
internal static class RealUnits
{
    public static UnitSpec Service(string name, string script, params string[] readyDependencies) =>
        Units.Service(name, readyDependencies) with { Command = Support.Commands.Sh(script) };

    public static UnitSpec Task(string name, string script, params string[] readyDependencies) =>
        Units.Task(name, readyDependencies) with { Command = Support.Commands.Sh(script) };
}
