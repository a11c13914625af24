using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Tests.Machine;

/// <summary>Drives a <see cref="WorkspaceMachine"/> with a hand-moved clock and records every effect.</summary>
internal sealed class MachineHarness(IEnumerable<UnitSpec> specs, double jitter = 0)
{
    private int _nextPid = 100;

    public WorkspaceMachine Machine { get; } = new(specs, () => jitter);
    public DateTimeOffset Now { get; private set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<Effect> Send(MachineEvent machineEvent) => Machine.Handle(machineEvent, Now);

    public IReadOnlyList<Effect> Start(params string[] units) => Send(new StartRequested(units.Length == 0 ? null : units));

    public IReadOnlyList<Effect> Spawned(string unit) => Send(new ProcessSpawned(unit, Gen(unit), ++_nextPid));

    public IReadOnlyList<Effect> Exit(string unit, int code) => Send(new ProcessExited(unit, Gen(unit), new ProcessExit(code, null)));

    public IReadOnlyList<Effect> Fire(string unit, TimerKind kind) => Send(new TimerFired(unit, Gen(unit), kind));

    public IReadOnlyList<Effect> Probe(string unit, ProbeKind kind, bool healthy, string detail = "ok") =>
        Send(new ProbeResulted(unit, Gen(unit), kind, healthy, detail));

    public void Advance(TimeSpan by) => Now += by;

    public UnitState State(string unit) => Machine[unit].State;

    public int Gen(string unit) => Machine[unit].Generation;

    public static IEnumerable<string> Spawns(IEnumerable<Effect> effects) => effects.OfType<SpawnProcess>().Select(s => s.Unit);

    public static IEnumerable<(string Unit, StopSignal Signal)> Signals(IEnumerable<Effect> effects) =>
        effects.OfType<SendSignal>().Select(s => (s.Unit, s.Signal));

    public TimeSpan Delay(IEnumerable<Effect> effects, TimerKind kind) => effects.OfType<ScheduleTimer>().Single(t => t.Kind == kind).Due - Now;
}
