using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;
using static Procurator.Supervisor.Tests.Machine.MachineHarness;

namespace Procurator.Supervisor.Tests.Machine;

public sealed class StartOrderTests
{
    [Fact]
    public void Independent_units_spawn_together_and_dependents_wait()
    {
        var h = new MachineHarness([Units.Service("db"), Units.Service("redis"), Units.Service("api", "db", "redis")]);

        var effects = h.Start();

        Assert.Equal(["db", "redis"], Spawns(effects));
        Assert.Equal(UnitState.Starting, h.State("db"));
        Assert.Equal(UnitState.Pending, h.State("api"));
        Assert.True(effects.OfType<SpawnProcess>().All(s => s.Generation == 1));
    }

    [Fact]
    public void A_service_without_readiness_is_ready_once_spawned_and_releases_dependents()
    {
        var h = new MachineHarness([Units.Service("db"), Units.Service("api", "db")]);
        h.Start();

        var effects = h.Spawned("db");

        Assert.Equal(UnitState.Ready, h.State("db"));
        Assert.Equal(
            [(UnitState.Starting, UnitState.Running), (UnitState.Running, UnitState.Ready)],
            effects.OfType<StateChanged>().Where(c => c.Unit == "db").Select(c => (c.From, c.To)));
        Assert.Equal(["api"], Spawns(effects));
    }

    [Fact]
    public void A_dependent_waits_for_readiness_and_readiness_failures_do_not_kill()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness(), Units.Service("api", "db")]);
        h.Start();

        var spawned = h.Spawned("db");
        var failed = h.Probe("db", ProbeKind.Readiness, healthy: false, "connection refused");

        Assert.Equal(UnitState.Running, h.State("db"));
        Assert.Contains(spawned, e => e is StartProbe { Unit: "db", Kind: ProbeKind.Readiness });
        Assert.Equal(TimeSpan.FromSeconds(60), h.Delay(spawned, TimerKind.StartupDeadline));
        Assert.Empty(Spawns(spawned.Concat(failed)));
        Assert.Empty(Signals(failed));

        var passed = h.Probe("db", ProbeKind.Readiness, healthy: true, "accepted");

        Assert.Equal(UnitState.Ready, h.State("db"));
        Assert.Equal("ready: accepted", h.Machine["db"].Reason);
        Assert.Contains(passed, e => e is StopProbe { Unit: "db", Kind: ProbeKind.Readiness });
        Assert.Equal(["api"], Spawns(passed));
    }

    [Fact]
    public void Readiness_honours_its_success_threshold()
    {
        var probe = new TcpProbe("127.0.0.1", 5432) { SuccessThreshold = 2 };
        var h = new MachineHarness([Units.Service("db").WithReadiness(probe)]);
        h.Start();
        h.Spawned("db");

        h.Probe("db", ProbeKind.Readiness, healthy: true);
        h.Probe("db", ProbeKind.Readiness, healthy: false);
        h.Probe("db", ProbeKind.Readiness, healthy: true);
        Assert.Equal(UnitState.Running, h.State("db"));

        h.Probe("db", ProbeKind.Readiness, healthy: true);
        Assert.Equal(UnitState.Ready, h.State("db"));
    }

    [Fact]
    public void A_started_condition_only_waits_for_the_spawn()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness(), Units.Service("tail").On("db", DependencyCondition.Started)]);
        h.Start();

        Assert.Equal(["tail"], Spawns(h.Spawned("db")));
        Assert.Equal(UnitState.Running, h.State("db"));
    }

    [Fact]
    public void A_completed_successfully_condition_waits_for_the_task_to_exit_zero()
    {
        var h = new MachineHarness([Units.Task("migrate"), Units.Service("api").On("migrate", DependencyCondition.CompletedSuccessfully)]);
        h.Start();

        Assert.Empty(Spawns(h.Spawned("migrate")));
        Assert.Equal(UnitState.Running, h.State("migrate"));

        var exited = h.Exit("migrate", 0);

        Assert.Equal(UnitState.Completed, h.State("migrate"));
        Assert.Equal(["api"], Spawns(exited));
    }

    [Fact]
    public void Starting_a_subset_starts_its_transitive_dependencies_only()
    {
        var h = new MachineHarness([Units.Service("db"), Units.Service("api", "db"), Units.Service("web", "api"), Units.Service("docs")]);

        Assert.Equal(["db"], Spawns(h.Start("api")));
        Assert.Equal(["api"], Spawns(h.Spawned("db")));
        Assert.Empty(Spawns(h.Spawned("api")));
        Assert.Equal((UnitState.Pending, false), (h.State("web"), h.Machine["web"].Wanted));
        var settled = h.Machine.Settle();
        Assert.NotNull(settled);
        Assert.True(settled.AllReady);
        Assert.Empty(settled.Failures);
    }

    [Fact]
    public void Nothing_is_settled_before_a_start_is_requested()
    {
        var h = new MachineHarness([Units.Service("db")]);

        Assert.Null(h.Machine.Settle());
        h.Start();
        Assert.Null(h.Machine.Settle());
        h.Spawned("db");
        Assert.True(h.Machine.Settle()?.AllReady);
    }
}
