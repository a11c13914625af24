using Procurator.Model;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Machine;

/// <summary>Failures a restart cannot fix end the unit at once, with the reason in words.</summary>
public sealed class FailFastTests
{
    [Fact]
    public void A_permanent_spawn_failure_fails_at_once_with_its_reason()
    {
        var h = new MachineHarness([Units.Service("api"), Units.Service("web", "api")]);
        h.Start();

        var effects = h.Send(new SpawnFailed("api", 1, "port 8080 held by pid 123 (nginx)", Permanent: true));

        Assert.Equal(UnitState.Failed, h.State("api"));
        Assert.Equal("port 8080 held by pid 123 (nginx)", h.Machine["api"].Reason);
        Assert.Empty(effects.OfType<ScheduleTimer>());
        Assert.Equal(0, h.Machine["api"].Restarts);
        Assert.Equal("web skipped: api failed: port 8080 held by pid 123 (nginx)", h.Machine["web"].Describe());
    }

    [Fact]
    public void A_unit_that_exits_before_it_was_ever_ready_gives_up_after_three_exits_in_a_row()
    {
        var h = new MachineHarness([Units.Service("api").WithReadiness()]);
        h.Start();
        for (var i = 0; i < 2; i++)
        {
            h.Spawned("api");
            h.Exit("api", 3);
            Assert.Equal(UnitState.Backoff, h.State("api"));
            h.Fire("api", TimerKind.BackoffOver);
        }

        h.Spawned("api");
        h.Send(new OutputObserved("api", "bye", Explaining: "boom"));
        var effects = h.Exit("api", 3);

        Assert.Equal(UnitState.GaveUp, h.State("api"));
        Assert.Equal("exit 3: boom (exited 3 times in a row before it was ever ready)", h.Machine["api"].Reason);
        Assert.Equal(2, h.Machine["api"].Restarts);
        Assert.Empty(effects.OfType<ScheduleTimer>());
    }

    [Fact]
    public void A_unit_that_was_ready_once_keeps_restarting_after_early_exits()
    {
        var h = new MachineHarness([Units.Service("api").WithReadiness()]);
        h.Start();
        h.Spawned("api");
        h.Probe("api", ProbeKind.Readiness, healthy: true);
        for (var i = 0; i < 4; i++)
        {
            h.Exit("api", 3);
            Assert.Equal(UnitState.Backoff, h.State("api"));
            h.Fire("api", TimerKind.BackoffOver);
            h.Spawned("api");
        }
    }

    [Fact]
    public void A_restart_by_hand_gives_the_early_exit_rule_a_fresh_count()
    {
        var h = new MachineHarness([Units.Service("api").WithReadiness() with { Restart = RestartPolicy.For(RestartMode.OnFailure) with { EarlyExitLimit = 1 } }]);
        h.Start();
        h.Spawned("api");
        h.Exit("api", 3);
        Assert.Equal(UnitState.GaveUp, h.State("api"));

        h.Send(new RestartRequested("api"));
        h.Spawned("api");
        h.Exit("api", 3);

        Assert.Equal("exit 3 (exited 1 times in a row before it was ever ready)", h.Machine["api"].Reason);
    }

    [Fact]
    public void A_command_the_shell_cannot_find_fails_at_once()
    {
        var h = new MachineHarness([Units.Service("api").WithReadiness()]);
        h.Start();
        h.Spawned("api");
        h.Send(new OutputObserved("api", "/bin/sh: 1: no-such-thing: not found", Explaining: "/bin/sh: 1: no-such-thing: not found"));

        var effects = h.Exit("api", 127);

        Assert.Equal(UnitState.Failed, h.State("api"));
        Assert.Equal("exit 127: /bin/sh: 1: no-such-thing: not found", h.Machine["api"].Reason);
        Assert.Empty(effects.OfType<ScheduleTimer>());
    }

    [Fact]
    public void The_explaining_line_is_quoted_rather_than_the_last_line()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");
        h.Send(new OutputObserved("api", "127.0.0.1 - - GET / HTTP/1.1 200", Explaining: "Error: listen EADDRINUSE"));

        h.Exit("api", 1);

        Assert.Equal("exit 1: Error: listen EADDRINUSE; restart in 500ms", h.Machine["api"].Reason);
    }

    [Fact]
    public void A_unit_stopped_on_request_reads_stopped_not_its_signal_and_last_line()
    {
        var h = new MachineHarness([Units.Service("api")]);
        h.Start();
        h.Spawned("api");
        h.Send(new OutputObserved("api", "127.0.0.1 - - [31/Jan/2025] \"GET / HTTP/1.1\" 200"));
        h.Send(new StopRequested("api"));

        h.Send(new ProcessExited("api", h.Gen("api"), new Processes.ProcessExit(null, 15)));

        Assert.Equal((UnitState.Stopped, "stopped"), (h.State("api"), h.Machine["api"].Reason));
    }

    [Fact]
    public void Unsettled_names_each_wanted_unit_not_ready_yet()
    {
        var h = new MachineHarness([Units.Service("db").WithReadiness(), Units.Service("api", "db"), Units.Service("other")]);
        h.Start("api");
        h.Spawned("db");

        Assert.Equal(["db running: spawned pid 101", "api pending: not started"], h.Machine.Unsettled());
    }
}
