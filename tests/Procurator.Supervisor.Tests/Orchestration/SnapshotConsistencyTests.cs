using Microsoft.Extensions.Time.Testing;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Orchestration;

/// <summary>
/// Whoever hears of a state change and then asks for the snapshot must find the change in it:
/// `up` decides "every unit has finished" that way, and once hung when the snapshot lagged.
/// </summary>
public sealed class SnapshotConsistencyTests
{
    [Fact]
    public async Task Every_announced_state_is_already_in_the_snapshot()
    {
        var sink = new SnapshotCheckingSink();
        var runner = new FakeProcessRunner();
        await using var orchestrator = new Orchestrator(
            [Units.Task("migrate"), Units.Service("api", "migrate")], runner, new FakeProbeRunner(), sink, new FakeTimeProvider(),
            new OrchestratorOptions { Jitter = () => 0 });
        sink.Orchestrator = orchestrator;

        await orchestrator.StartAsync();
        await orchestrator.WhenIdleAsync();
        runner.Latest("migrate").Exit(0);
        await orchestrator.WhenIdleAsync();

        // One event can move a unit twice (Running, then Ready when it has no probe); the snapshot
        // then shows the later state. It must never show a state from before the announcement.
        Assert.Contains(("migrate", UnitState.Completed, UnitState.Completed), sink.Seen);
        Assert.Contains(("api", UnitState.Running, UnitState.Ready), sink.Seen);
        for (var i = 0; i < sink.Seen.Count; i++)
        {
            var (unit, announced, inSnapshot) = sink.Seen[i];
            var nowOrLater = sink.Seen.Skip(i).Where(s => s.Unit == unit).Select(s => s.Announced);
            Assert.True(nowOrLater.Contains(inSnapshot), $"{unit}: announced {announced}, but the snapshot still said {inSnapshot}");
        }
    }

    /// <summary>Reads the snapshot at the moment each state change is written, as a log line.</summary>
    private sealed class SnapshotCheckingSink : ILogSink
    {
        public Orchestrator? Orchestrator { get; set; }

        public List<(string Unit, UnitState Announced, UnitState InSnapshot)> Seen { get; } = [];

        public void Write(LogLine line)
        {
            if (line.Stream != LogStream.Manager || Orchestrator is null)
            {
                return;
            }

            var announced = Enum.Parse<UnitState>(line.Text.Split(" -> ")[1].Split(':')[0]);
            Seen.Add((line.Unit, announced, Orchestrator.Snapshot().Single(s => s.Name == line.Unit).State));
        }
    }
}
