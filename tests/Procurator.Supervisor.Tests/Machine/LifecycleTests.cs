using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;
using static Procurator.Supervisor.Tests.Machine.MachineHarness;

namespace Procurator.Supervisor.Tests.Machine;

public sealed class LifecycleTests
{
    [Fact]
    public void Stop_sends_term_then_kill_after_the_grace_period_and_is_stopped_only_on_exit()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");

        var stop = h.Send(new StopRequested("api"));
        Assert.Equal(UnitState.Stopping, h.State("api"));
        Assert.Equal([("api", StopSignal.Terminate)], Signals(stop));
        Assert.Equal(TimeSpan.FromSeconds(10), h.Delay(stop, TimerKind.GracePeriodOver));

        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([("api", StopSignal.Kill)], Signals(h.Fire("api", TimerKind.GracePeriodOver)));
        Assert.Equal(UnitState.Stopping, h.State("api"));

        var exited = h.Send(new ProcessExited("api", 1, new ProcessExit(null, 9)));
        Assert.Equal(UnitState.Stopped, h.State("api"));
        Assert.Empty(Spawns(exited));
    }

    [Fact]
    public void Stop_during_backoff_wins_and_the_backoff_timer_goes_stale()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");
        h.Exit("api", 1);
        Assert.Equal(UnitState.Backoff, h.State("api"));

        var stop = h.Send(new StopRequested("api"));
        Assert.Equal(UnitState.Stopped, h.State("api"));
        Assert.Empty(Signals(stop));

        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(Spawns(h.Fire("api", TimerKind.BackoffOver)));
        Assert.Equal(UnitState.Stopped, h.State("api"));
    }

    [Fact]
    public void Stop_while_the_spawn_is_in_flight_stops_the_new_process_at_once()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Send(new StopRequested("api"));

        var spawned = h.Spawned("api");

        Assert.Equal([("api", StopSignal.Terminate)], Signals(spawned));
        Assert.Equal(UnitState.Stopping, h.State("api"));
    }

    [Fact]
    public void Restart_while_pending_or_starting_never_spawns_a_duplicate()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness(), Units.Service("api", "db")]);
        h.Start();

        var whilePending = h.Send(new RestartRequested("api"));
        var whileStarting = h.Send(new RestartRequested("db"));

        Assert.Empty(Spawns(whilePending.Concat(whileStarting)));
        Assert.Equal((UnitState.Pending, UnitState.Starting), (h.State("api"), h.State("db")));
        Assert.Equal(0, h.Gen("api"));
        Assert.Equal(1, h.Gen("db"));
    }

    [Fact]
    public void Restart_of_a_running_unit_stops_it_and_spawns_a_new_generation_without_counting_a_failure()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");

        Assert.Equal([("api", StopSignal.Terminate)], Signals(h.Send(new RestartRequested("api"))));
        var exited = h.Exit("api", 143);

        Assert.Equal([new SpawnProcess("api", 2)], exited.OfType<SpawnProcess>());
        Assert.Equal(UnitState.Starting, h.State("api"));
        Assert.Empty(h.Machine["api"].Failures);
        Assert.Equal(1, h.Machine["api"].Restarts);
    }

    [Fact]
    public void Restart_during_backoff_spawns_at_once()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");
        h.Exit("api", 1);

        Assert.Equal([new SpawnProcess("api", 2)], h.Send(new RestartRequested("api")).OfType<SpawnProcess>());
        Assert.Empty(Spawns(h.Send(new TimerFired("api", 1, TimerKind.BackoffOver))));
    }

    [Fact]
    public void Restart_of_a_failed_unit_starts_over_with_a_clean_record()
    {
        var h = new MachineHarness([Units.Task("migrate")]);
        h.Start();
        h.Spawned("migrate");
        h.Exit("migrate", 1);

        var restarted = h.Send(new RestartRequested("migrate"));

        Assert.Equal([new SpawnProcess("migrate", 2)], restarted.OfType<SpawnProcess>());
        Assert.Equal(
            [(UnitState.Failed, UnitState.Pending), (UnitState.Pending, UnitState.Starting)],
            restarted.OfType<StateChanged>().Select(c => (c.From, c.To)));
        Assert.Empty(h.Machine["migrate"].Failures);
    }

    [Fact]
    public void Consecutive_liveness_failures_make_the_unit_unhealthy_and_restart_it()
    {
        var liveness = new HttpProbe("http://localhost:8080/health") { FailureThreshold = 3 };
        var h = new MachineHarness([Units.Service("api") with { Liveness = liveness }]);
        h.Start();
        var spawned = h.Spawned("api");
        Assert.Contains(spawned, e => e is StartProbe { Kind: ProbeKind.Liveness });

        h.Probe("api", ProbeKind.Liveness, healthy: false, "HTTP 503");
        h.Probe("api", ProbeKind.Liveness, healthy: false, "HTTP 503");
        h.Probe("api", ProbeKind.Liveness, healthy: true, "HTTP 200");
        h.Probe("api", ProbeKind.Liveness, healthy: false, "HTTP 503");
        var second = h.Probe("api", ProbeKind.Liveness, healthy: false, "HTTP 503");
        Assert.Equal(UnitState.Ready, h.State("api"));
        Assert.Empty(Signals(second));

        var third = h.Probe("api", ProbeKind.Liveness, healthy: false, "HTTP 503");
        Assert.Equal(UnitState.Unhealthy, h.State("api"));
        Assert.Equal([("api", StopSignal.Terminate)], Signals(third));
        Assert.Contains(third, e => e is StopProbe { Kind: ProbeKind.Liveness });

        h.Exit("api", 0);
        Assert.Equal(UnitState.Backoff, h.State("api"));
        Assert.Equal("liveness failed 3 times: HTTP 503; restart in 500ms", h.Machine["api"].Reason);
    }

    [Fact]
    public void Liveness_needs_its_success_threshold_to_clear_failures()
    {
        var liveness = new HttpProbe("http://localhost:8080/health") { FailureThreshold = 2, SuccessThreshold = 2 };
        var h = new MachineHarness([Units.Service("api") with { Liveness = liveness }]);
        h.Start();
        h.Spawned("api");

        h.Probe("api", ProbeKind.Liveness, healthy: false, "timeout");
        h.Probe("api", ProbeKind.Liveness, healthy: true);
        h.Probe("api", ProbeKind.Liveness, healthy: false, "timeout");

        Assert.Equal(UnitState.Unhealthy, h.State("api"));
    }

    [Fact]
    public void The_startup_deadline_kills_a_unit_that_never_got_ready_and_counts_a_failure()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness() with { StartupTimeout = TimeSpan.FromSeconds(30) }]);
        h.Start();
        h.Spawned("db");
        h.Probe("db", ProbeKind.Readiness, healthy: false, "connection refused");

        h.Advance(TimeSpan.FromSeconds(30));
        var deadline = h.Fire("db", TimerKind.StartupDeadline);

        Assert.Equal(UnitState.Unhealthy, h.State("db"));
        Assert.Equal("not ready after 30s: connection refused", h.Machine["db"].Reason);
        Assert.Equal([("db", StopSignal.Terminate)], Signals(deadline));
        Assert.Contains(deadline, e => e is StopProbe { Kind: ProbeKind.Readiness });

        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([("db", StopSignal.Kill)], Signals(h.Fire("db", TimerKind.GracePeriodOver)));
        h.Send(new ProcessExited("db", 1, new ProcessExit(null, 9)));

        Assert.Equal(UnitState.Backoff, h.State("db"));
        Assert.Single(h.Machine["db"].Failures);
    }

    [Fact]
    public void The_startup_deadline_is_stale_once_ready()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness()]);
        h.Start();
        h.Spawned("db");
        h.Probe("db", ProbeKind.Readiness, healthy: true);

        Assert.Empty(h.Fire("db", TimerKind.StartupDeadline));
        Assert.Equal(UnitState.Ready, h.State("db"));
    }
}
