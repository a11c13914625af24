using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Fakes;
using static Procurator.Supervisor.Tests.Machine.MachineHarness;

namespace Procurator.Supervisor.Tests.Machine;

public sealed class ShutdownTests
{
    private static MachineHarness RunningDiamond()
    {
        var h = new MachineHarness(
            [Units.Service("db"), Units.Service("api", "db"), Units.Service("worker", "db"), Units.Service("web", "api", "worker")]);
        h.Start();
        h.Spawned("db");
        h.Spawned("api");
        h.Spawned("worker");
        h.Spawned("web");
        Assert.All(h.Machine.Units, u => Assert.Equal(UnitState.Ready, u.State));
        return h;
    }

    [Fact]
    public void Shutdown_stops_dependents_before_their_dependencies()
    {
        var h = RunningDiamond();

        Assert.Equal([("web", StopSignal.Terminate)], Signals(h.Send(new ShutdownRequested())));
        Assert.Equal(UnitState.Ready, h.State("api"));

        var webGone = h.Exit("web", 0);
        Assert.Equal([("worker", StopSignal.Terminate), ("api", StopSignal.Terminate)], Signals(webGone));

        Assert.Empty(Signals(h.Exit("api", 0)));
        Assert.False(h.Machine.AllDown);
        Assert.Equal([("db", StopSignal.Terminate)], Signals(h.Exit("worker", 0)));

        h.Exit("db", 0);
        Assert.True(h.Machine.AllDown);
        Assert.All(h.Machine.Units, u => Assert.Equal(UnitState.Stopped, u.State));
    }

    [Fact]
    public void A_crash_during_shutdown_is_not_restarted()
    {
        var h = RunningDiamond();
        h.Send(new ShutdownRequested());

        var crashed = h.Exit("db", 1);

        Assert.Equal(UnitState.Stopped, h.State("db"));
        Assert.Empty(crashed.OfType<ScheduleTimer>());
        Assert.Empty(Spawns(crashed));
    }

    [Fact]
    public void Shutdown_stops_waiting_and_backing_off_units_at_once()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness(), Units.Service("api", "db"), Units.Service("cache")]);
        h.Start();
        h.Spawned("db");
        h.Spawned("cache");
        h.Exit("cache", 1);

        h.Send(new ShutdownRequested());

        Assert.Equal((UnitState.Stopped, UnitState.Stopped, UnitState.Stopping), (h.State("api"), h.State("cache"), h.State("db")));
        Assert.Empty(Spawns(h.Fire("cache", TimerKind.BackoffOver)));
    }

    [Fact]
    public void Force_kill_sends_kill_to_every_live_process_now()
    {
        var h = RunningDiamond();
        h.Send(new ShutdownRequested());

        var forced = h.Send(new ForceKillRequested());

        Assert.Equal(
            [("web", StopSignal.Kill), ("worker", StopSignal.Kill), ("api", StopSignal.Kill), ("db", StopSignal.Kill)],
            Signals(forced));
        Assert.All(h.Machine.Units, u => Assert.Equal(UnitState.Stopping, u.State));
        Assert.Empty(forced.OfType<ScheduleTimer>());
    }

    [Fact]
    public void A_spawn_that_lands_after_force_kill_is_killed()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Send(new ForceKillRequested());

        Assert.Equal([("api", StopSignal.Kill)], Signals(h.Spawned("api")));
    }

    [Fact]
    public void Restart_is_ignored_during_shutdown()
    {
        var h = RunningDiamond();
        h.Send(new ShutdownRequested());
        h.Exit("web", 0);

        Assert.Empty(h.Send(new RestartRequested("web")));
        Assert.Equal(UnitState.Stopped, h.State("web"));
    }
}
