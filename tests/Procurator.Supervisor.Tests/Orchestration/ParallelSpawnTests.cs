using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Orchestration;

/// <summary>Spawns run off the event loop: independent units start together, and the loop stays free meanwhile.</summary>
public sealed class ParallelSpawnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Independent_spawns_are_all_issued_before_any_completes()
    {
        using var hold = new ManualResetEventSlim(false);
        var runner = new FakeProcessRunner { Hold = hold };
        await using var h = new OrchestratorHarness(runner, Units.Service("a"), Units.Service("b"), Units.Service("c"));

        // StartAsync returns once the request is handled: the loop is not waiting for any spawn.
        await h.Orchestrator.StartAsync().WaitAsync(Patience);
        Assert.True(SpinWait.SpinUntil(() => runner.Entered == 3, Patience), $"only {runner.Entered} of 3 spawns were issued while none had completed");
        Assert.Empty(runner.Started);
        Assert.All(h.Orchestrator.Snapshot(), s => Assert.Equal(UnitState.Starting, s.State));

        hold.Set();
        await h.Idle();
        Assert.Equal(["a", "b", "c"], runner.SpawnOrder.Order());
        Assert.All(h.Orchestrator.Snapshot(), s => Assert.Equal(UnitState.Ready, s.State));
    }

    [Fact]
    public async Task A_force_kill_during_a_spawn_kills_the_process_once_it_exists()
    {
        using var hold = new ManualResetEventSlim(false);
        var runner = new FakeProcessRunner { Hold = hold };
        await using var h = new OrchestratorHarness(runner, Units.Service("a"));
        await h.Orchestrator.StartAsync().WaitAsync(Patience);
        Assert.True(SpinWait.SpinUntil(() => runner.Entered == 1, Patience));

        var shutdown = h.Orchestrator.ShutdownAsync();
        h.Orchestrator.ForceKill();
        hold.Set();
        await h.Idle();
        Assert.Equal([StopSignal.Kill], runner.Latest("a").Signals);

        runner.Latest("a").KilledBy(9);
        await shutdown.WaitAsync(Patience);
        Assert.Equal(UnitState.Stopped, h.Orchestrator.Snapshot().Single().State);
    }

    [Fact]
    public async Task A_log_line_printed_before_the_spawn_is_reported_still_makes_the_unit_ready()
    {
        var runner = new FakeProcessRunner { OnStart = p => p.Emit("listening") };
        await using var h = new OrchestratorHarness(runner, Units.Service("api").WithReadiness(new LogLineProbe("^listening$")));

        await h.Orchestrator.StartAsync();
        var settled = await h.Orchestrator.WaitUntilReadyAsync().WaitAsync(Patience);

        Assert.True(settled.AllReady);
        Assert.Equal("ready: log matched \"listening\"", h.Orchestrator.Snapshot()[0].Reason);
    }
}
