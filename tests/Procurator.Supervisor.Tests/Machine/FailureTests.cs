using Procurator.Model;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;
using static Procurator.Supervisor.Tests.Machine.MachineHarness;

namespace Procurator.Supervisor.Tests.Machine;

public sealed class FailureTests
{
    [Fact]
    public void A_task_that_fails_skips_its_dependents_with_the_reason_chain()
    {
        var h = new MachineHarness([Units.Task("migrate"), Units.Service("api").On("migrate", DependencyCondition.CompletedSuccessfully)]);
        h.Start();
        h.Spawned("migrate");
        h.Send(new OutputObserved("migrate", "relation \"users\" already exists"));

        h.Exit("migrate", 1);

        Assert.Equal(UnitState.Failed, h.State("migrate"));
        Assert.Equal(UnitState.Skipped, h.State("api"));
        Assert.Equal("api skipped: migrate failed: exit 1: relation \"users\" already exists", h.Machine["api"].Describe());
    }

    [Fact]
    public void Restarting_a_failed_unit_makes_its_skipped_dependents_wait_for_it_again()
    {
        var h = new MachineHarness([Units.Task("migrate"), Units.Service("api").On("migrate", DependencyCondition.CompletedSuccessfully), Units.Service("web").On("api", DependencyCondition.Ready)]);
        h.Start();
        h.Spawned("migrate");
        h.Exit("migrate", 1);
        Assert.Equal(UnitState.Skipped, h.State("web"));

        var effects = h.Send(new RestartRequested("migrate"));

        Assert.Equal(["migrate"], MachineHarness.Spawns(effects));
        Assert.Equal(UnitState.Pending, h.State("api"));
        Assert.Equal(UnitState.Pending, h.State("web"));
        h.Spawned("migrate");
        Assert.Equal(["api"], MachineHarness.Spawns(h.Exit("migrate", 0)));
    }

    [Fact]
    public void Dependents_of_a_unit_that_gave_up_are_skipped_with_the_whole_chain()
    {
        var giveUpAtOnce = Units.Service("api").WithReadiness() with { Restart = RestartPolicy.For(RestartMode.OnFailure) with { MaxFailures = 0 } };
        var h = new MachineHarness([giveUpAtOnce, Units.Service("web", "api"), Units.Service("proxy", "web")]);
        h.Start();
        h.Spawned("api");
        h.Send(new OutputObserved("api", "starting"));
        h.Send(new OutputObserved("api", "last log line"));

        h.Exit("api", 1);

        Assert.Equal(UnitState.GaveUp, h.State("api"));
        var settled = h.Machine.Settle();
        Assert.NotNull(settled);
        Assert.False(settled.AllReady);
        Assert.Equal(
            [
                "api gave up: exit 1: last log line",
                "web skipped: api gave up: exit 1: last log line",
                "proxy skipped: web skipped: api gave up: exit 1: last log line",
            ],
            settled.Failures);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap()
    {
        var h = new MachineHarness([Units.Service("api").Restarting(RestartMode.Always)]);
        h.Start();
        var delays = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            h.Spawned("api");
            var exited = h.Exit("api", 1);
            delays.Add(h.Delay(exited, TimerKind.BackoffOver).TotalSeconds);
            h.Advance(TimeSpan.FromSeconds(delays[^1]));
            h.Fire("api", TimerKind.BackoffOver);
        }

        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void Jitter_from_the_injected_source_shortens_the_delay()
    {
        var h = new MachineHarness([Units.Service("api")], jitter: 0.5);
        h.Start();
        h.Spawned("api");

        var exited = h.Exit("api", 1);

        Assert.Equal(TimeSpan.FromMilliseconds(450), h.Delay(exited, TimerKind.BackoffOver));
        Assert.Equal("exit 1; restart in 450ms", h.Machine["api"].Reason);
    }

    [Fact]
    public void The_backoff_counter_resets_after_a_stable_minute()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        CrashAndWait(h);
        CrashAndWait(h);
        var spawned = h.Spawned("api");
        Assert.Equal(TimeSpan.FromMinutes(1), h.Delay(spawned, TimerKind.StablePeriodReached));

        h.Advance(TimeSpan.FromMinutes(1));
        h.Fire("api", TimerKind.StablePeriodReached);
        var exited = h.Exit("api", 1);

        Assert.Equal(TimeSpan.FromMilliseconds(500), h.Delay(exited, TimerKind.BackoffOver));
    }

    [Fact]
    public void Without_a_stable_minute_the_backoff_keeps_growing()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        CrashAndWait(h);
        CrashAndWait(h);
        h.Spawned("api");

        var exited = h.Exit("api", 1);

        Assert.Equal(TimeSpan.FromSeconds(2), h.Delay(exited, TimerKind.BackoffOver));
    }

    [Fact]
    public void More_than_ten_failures_in_five_minutes_gives_up()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        for (var i = 0; i < 10; i++)
        {
            CrashAndWait(h);
        }

        Assert.Equal(UnitState.Starting, h.State("api"));
        h.Spawned("api");
        h.Send(new OutputObserved("api", "panic: no config"));
        var exited = h.Exit("api", 2);

        Assert.Equal(UnitState.GaveUp, h.State("api"));
        Assert.Empty(exited.OfType<ScheduleTimer>());
        Assert.Equal("api gave up: exit 2: panic: no config", h.Machine["api"].Describe());
    }

    [Fact]
    public void Failures_older_than_the_window_do_not_count()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        for (var i = 0; i < 10; i++)
        {
            CrashAndWait(h);
        }

        h.Spawned("api");
        h.Advance(TimeSpan.FromMinutes(5));
        h.Exit("api", 1);

        Assert.Equal(UnitState.Backoff, h.State("api"));
    }

    [Fact]
    public void A_service_exiting_zero_completes_on_failure_policy_and_restarts_on_always()
    {
        var h = new MachineHarness([Units.Service("once"), Units.Service("loop").Restarting(RestartMode.Always)]);
        h.Start();
        h.Spawned("once");
        h.Spawned("loop");

        h.Exit("once", 0);
        h.Exit("loop", 0);

        Assert.Equal((UnitState.Completed, UnitState.Backoff), (h.State("once"), h.State("loop")));
    }

    [Fact]
    public void A_signal_death_is_a_failure_and_no_policy_means_failed()
    {
        var h = new MachineHarness([Units.Service("api").Restarting(RestartMode.No)]);
        h.Start();
        h.Spawned("api");

        h.Send(new ProcessExited("api", 1, new ProcessExit(null, 9)));

        Assert.Equal(UnitState.Failed, h.State("api"));
        Assert.Equal("killed by signal 9", h.Machine["api"].Reason);
    }

    [Fact]
    public void A_spawn_failure_backs_off_like_a_crash()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();

        var failed = h.Send(new SpawnFailed("api", 1, "run-api: not found"));

        Assert.Equal(UnitState.Backoff, h.State("api"));
        Assert.Equal("spawn failed: run-api: not found; restart in 500ms", h.Machine["api"].Reason);
        Assert.Single(failed.OfType<ScheduleTimer>());
    }

    [Fact]
    public void A_late_exit_of_a_previous_generation_is_ignored()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");
        h.Send(new RestartRequested("api"));
        h.Exit("api", 143);
        h.Spawned("api");
        Assert.Equal((2, UnitState.Ready), (h.Gen("api"), h.State("api")));

        var stale = h.Send(new ProcessExited("api", 1, new ProcessExit(1, null)))
            .Concat(h.Send(new TimerFired("api", 1, TimerKind.GracePeriodOver)))
            .Concat(h.Send(new ProcessSpawned("api", 1, 999)));

        Assert.Empty(stale);
        Assert.Equal(UnitState.Ready, h.State("api"));
        Assert.NotEqual(999, h.Machine["api"].Pid);
    }

    private static void CrashAndWait(MachineHarness h)
    {
        h.Spawned("api");
        var exited = h.Exit("api", 1);
        h.Advance(h.Delay(exited, TimerKind.BackoffOver));
        h.Fire("api", TimerKind.BackoffOver);
    }
}
