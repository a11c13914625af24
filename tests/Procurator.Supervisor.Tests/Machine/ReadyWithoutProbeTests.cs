using Procurator.Model;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Machine;

/// <summary>A service without a readiness probe is ready only once it has stayed up a moment.</summary>
public sealed class ReadyWithoutProbeTests
{
    private static UnitSpec Unprobed(string name, params string[] dependencies) =>
        Units.Service(name, dependencies) with { ReadyWithoutProbeAfter = UnitSpec.DefaultReadyWithoutProbeAfter };

    [Fact]
    public void It_is_running_until_it_has_stayed_up_a_second_then_ready()
    {
        var h = new MachineHarness([Unprobed("api"), Units.Service("web", "api")]);
        h.Start();

        var spawned = h.Spawned("api");
        Assert.Equal(TimeSpan.FromSeconds(1), h.Delay(spawned, TimerKind.RanLongEnough));
        Assert.Equal((UnitState.Running, UnitState.Pending), (h.State("api"), h.State("web")));

        h.Advance(TimeSpan.FromSeconds(1));
        var ready = h.Fire("api", TimerKind.RanLongEnough);

        Assert.Equal(UnitState.Ready, h.State("api"));
        Assert.Equal("running 1s, no readiness probe", h.Machine["api"].Reason);
        Assert.Equal(["web"], MachineHarness.Spawns(ready));
    }

    [Fact]
    public void One_that_dies_at_once_is_never_ready_and_its_old_timer_is_ignored()
    {
        var h = new MachineHarness([Unprobed("api"), Units.Service("web", "api")]);
        h.Start();
        h.Spawned("api");
        h.Advance(TimeSpan.FromMilliseconds(300));

        h.Exit("api", 1);
        h.Advance(TimeSpan.FromMilliseconds(500));
        h.Fire("api", TimerKind.BackoffOver);
        h.Spawned("api");
        h.Advance(TimeSpan.FromMilliseconds(200));
        var stale = h.Send(new TimerFired("api", 1, TimerKind.RanLongEnough));

        Assert.Empty(stale);
        Assert.Equal((UnitState.Running, UnitState.Pending), (h.State("api"), h.State("web")));
    }

    [Fact]
    public void A_task_is_never_made_ready_by_the_timer()
    {
        var h = new MachineHarness([Units.Task("migrate") with { ReadyWithoutProbeAfter = TimeSpan.FromSeconds(1) }]);
        h.Start();

        var spawned = h.Spawned("migrate");

        Assert.DoesNotContain(spawned.OfType<ScheduleTimer>(), t => t.Kind == TimerKind.RanLongEnough);
        Assert.Equal(UnitState.Running, h.State("migrate"));
    }

    [Fact]
    public void Restart_always_restarts_clean_exits_with_backoff_and_never_gives_up()
    {
        var h = new MachineHarness([Units.Service("loop").Restarting(RestartMode.Always)]);
        h.Start();
        var delays = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            h.Spawned("loop");
            var exited = h.Exit("loop", 0);
            Assert.Equal(UnitState.Backoff, h.State("loop"));
            delays.Add(h.Delay(exited, TimerKind.BackoffOver).TotalSeconds);
            h.Advance(TimeSpan.FromSeconds(delays[^1]));
            h.Fire("loop", TimerKind.BackoffOver);
        }

        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30], delays.Take(8));
        Assert.Empty(h.Machine["loop"].Failures);
        Assert.Equal(UnitState.Starting, h.State("loop"));
    }

    [Fact]
    public void Restart_always_still_gives_up_on_crashes()
    {
        var h = new MachineHarness([Units.Service("loop").Restarting(RestartMode.Always)]);
        h.Start();
        for (var i = 0; i < 11; i++)
        {
            h.Spawned("loop");
            h.Exit("loop", 1);
            h.Fire("loop", TimerKind.BackoffOver);
        }

        Assert.Equal(UnitState.GaveUp, h.State("loop"));
    }
}
