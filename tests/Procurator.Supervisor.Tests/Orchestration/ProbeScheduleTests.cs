using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Orchestration;

public sealed class ProbeScheduleTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Readiness_starts_at_10_ms_and_doubles_up_to_the_period()
    {
        var delays = Enumerable.Range(1, 7).Select(n => ProbeSchedule.Next(ProbeKind.Readiness, Period, n).TotalMilliseconds);

        Assert.Equal([10, 20, 40, 80, 100, 100, 100], delays);
    }

    [Fact]
    public void Liveness_and_short_periods_keep_the_period()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), ProbeSchedule.Next(ProbeKind.Liveness, TimeSpan.FromSeconds(2), 1));
        Assert.Equal(TimeSpan.FromMilliseconds(5), ProbeSchedule.Next(ProbeKind.Readiness, TimeSpan.FromMilliseconds(5), 1));
        Assert.Equal(TimeSpan.FromMinutes(1), ProbeSchedule.Next(ProbeKind.Readiness, TimeSpan.FromMinutes(1), int.MaxValue));
    }

    [Fact]
    public async Task Readiness_probes_run_at_0_10_30_70_150_250_ms_after_the_spawn()
    {
        await using var h = new OrchestratorHarness(Units.Service("db").WithReadiness(new TcpProbe("127.0.0.1", 5432) { Period = Period }));
        await h.Orchestrator.StartAsync();
        await h.Idle();

        // Elapsed ms after the spawn -> attempts made by then.
        var expected = new[] { (0, 1), (9, 1), (10, 2), (29, 2), (30, 3), (69, 3), (70, 4), (149, 4), (150, 5), (249, 5), (250, 6), (350, 7) };
        var elapsed = 0;
        var seen = new List<(int, int)>();
        foreach (var (at, _) in expected)
        {
            await h.Advance(TimeSpan.FromMilliseconds(at - elapsed));
            elapsed = at;
            seen.Add((at, h.Probes.Checks));
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_port_that_opens_is_ready_at_the_next_attempt()
    {
        await using var h = new OrchestratorHarness(
            Units.Service("db").WithReadiness(new TcpProbe("127.0.0.1", 5432) { Period = Period }),
            Units.Service("api", "db"));
        await h.Orchestrator.StartAsync();
        await h.Advance(TimeSpan.FromMilliseconds(10));
        await h.Advance(TimeSpan.FromMilliseconds(20));
        await h.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(3, h.Probes.Checks);
        h.Probes.Answer("db", true, "connected");

        await h.Advance(TimeSpan.FromMilliseconds(34));
        Assert.Equal(["db"], h.Runner.SpawnOrder);
        await h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["db", "api"], h.Runner.SpawnOrder);
        Assert.Equal(UnitState.Ready, h.Orchestrator.Snapshot().Single(s => s.Name == "db").State);
    }
}
