using Procurator.Model;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;
using Procurator.Supervisor.Tests.Support;

namespace Procurator.Supervisor.Tests.Integration;

/// <summary><c>up --wait</c>: <c>Orchestrator.WaitUntilReadyAsync</c> with real processes and probes.</summary>
public sealed class ReadinessIntegrationTests
{
    [ProcessFact]
    public async Task A_healthy_set_settles_all_ready_once_an_exec_probe_passes()
    {
        using var dir = new TempDirectory();
        var marker = Path.Combine(dir.Path, "accepting");
        var probe = new ExecProbe(Commands.Sh($"test -f '{marker}'")) { Period = TimeSpan.FromMilliseconds(100) };
        await using var stack = new RealStack(
        [
            RealUnits.Service("db", $"sleep 0.3; touch '{marker}'; exec sleep 1000") with { Readiness = probe },
            RealUnits.Task("migrate", "echo migrated", "db"),
            RealUnits.Service("api", "exec sleep 1000", "db"),
        ]);

        await stack.Orchestrator.StartAsync();
        var settled = await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        Assert.True(settled.AllReady, string.Join("; ", settled.Failures));
        Assert.Empty(settled.Failures);
        Assert.Equal("ready: exit 0", stack.ChangesOf("db").Single(c => c.To == UnitState.Ready).Reason);
        Assert.Equal(
            [("api", UnitState.Ready), ("db", UnitState.Ready), ("migrate", UnitState.Completed)],
            stack.Orchestrator.Snapshot().Select(s => (s.Name, s.State)).Order());
    }

    [ProcessFact]
    public async Task A_broken_set_settles_not_ready_with_the_reason_chain()
    {
        await using var stack = new RealStack(
        [
            RealUnits.Service("db", "echo 'cannot bind port'; exit 3").Restarting(RestartMode.No) with { Readiness = new LogLineProbe("^listening$") },
            RealUnits.Service("api", "exec sleep 1000", "db"),
            RealUnits.Service("web", "exec sleep 1000", "api"),
            RealUnits.Service("cache", "exec sleep 1000"),
        ]);

        await stack.Orchestrator.StartAsync();
        var settled = await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        Assert.False(settled.AllReady);
        Assert.Equal(
            [
                "db failed: exit 3: cannot bind port",
                "api skipped: db failed: exit 3: cannot bind port",
                "web skipped: api skipped: db failed: exit 3: cannot bind port",
            ],
            settled.Failures);
        Assert.Equal(UnitState.Ready, stack.Status("cache").State);
    }
}
