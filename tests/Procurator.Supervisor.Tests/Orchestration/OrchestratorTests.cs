using Procurator.Model;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Orchestration;

public sealed class OrchestratorTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_diamond_starts_in_dependency_order_with_the_middle_in_parallel()
    {
        await using var h = new OrchestratorHarness(
            Units.Service("db").WithReadiness(),
            Units.Service("api", "db").WithReadiness(),
            Units.Service("worker", "db").WithReadiness(),
            Units.Service("web", "api", "worker"));
        var ready = h.Orchestrator.WaitUntilReadyAsync();

        await h.Orchestrator.StartAsync();
        await h.Idle();
        Assert.Equal(["db"], h.Runner.SpawnOrder);

        // api and worker spawn together, so either may be first.
        h.Probes.Answer("db", true, "accepted");
        await h.Advance(Period);
        Assert.Equal(["api", "db", "worker"], h.Runner.SpawnOrder.Order());

        h.Probes.Answer("api", true, "accepted");
        await h.Advance(Period);
        Assert.Equal(["api", "db", "worker"], h.Runner.SpawnOrder.Order());
        Assert.False(ready.IsCompleted);

        h.Probes.Answer("worker", true, "accepted");
        await h.Advance(Period);
        Assert.Equal("web", h.Runner.SpawnOrder[^1]);

        var settled = await ready;
        Assert.True(settled.AllReady);
        Assert.All(h.Orchestrator.Snapshot(), s => Assert.Equal(UnitState.Ready, s.State));
        Assert.Equal(h.Runner.Latest("web").Pid, h.Orchestrator.Snapshot().Single(s => s.Name == "web").Pid);
    }

    [Fact]
    public async Task A_chain_that_never_gets_ready_reports_the_reason_chain()
    {
        var db = Units.Service("db").WithReadiness().Restarting(RestartMode.No) with { StartupTimeout = TimeSpan.FromSeconds(5) };
        await using var h = new OrchestratorHarness(db, Units.Service("api", "db"));
        await h.Orchestrator.StartAsync();
        await h.Idle();

        await h.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([StopSignal.Terminate], h.Runner.Latest("db").Signals);
        await h.Exit("db", 0);

        var settled = await h.Orchestrator.WaitUntilReadyAsync();
        Assert.False(settled.AllReady);
        Assert.Equal(
            ["db failed: not ready after 5s: connection refused", "api skipped: db failed: not ready after 5s: connection refused"],
            settled.Failures);
        Assert.Equal(["db"], h.Runner.SpawnOrder);
    }

    [Fact]
    public async Task Log_line_readiness_waits_for_the_matching_line()
    {
        await using var h = new OrchestratorHarness(
            Units.Service("db").WithReadiness(new LogLineProbe("ready to accept connections")),
            Units.Service("api", "db"));
        await h.Orchestrator.StartAsync();
        await h.Idle();
        var db = h.Runner.Latest("db");

        db.Emit("starting up");
        await h.Idle();
        Assert.Equal(["db"], h.Runner.SpawnOrder);

        db.Emit("database system is ready to accept connections");
        await h.Idle();

        Assert.Equal(["db", "api"], h.Runner.SpawnOrder);
        Assert.Equal("ready: log matched \"database system is ready to accept connections\"", h.Orchestrator.Snapshot()[0].Reason);
        Assert.Equal(0, h.Probes.Checks);
        Assert.Equal(
            ["starting up", "database system is ready to accept connections"],
            h.Sink.Lines.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
    }

    [Fact]
    public async Task A_crash_is_restarted_after_the_backoff_and_the_reason_quotes_the_last_line()
    {
        await using var h = new OrchestratorHarness(Units.Service("api"));
        await h.Orchestrator.StartAsync();
        await h.Idle();
        h.DrainEvents();

        h.Runner.Latest("api").Emit("listening");
        h.Runner.Latest("api").Emit("panic: boom");
        await h.Exit("api", 2);
        var change = Assert.IsType<StateChange>(Assert.Single(h.DrainEvents()));
        Assert.Equal(("api", UnitState.Ready, UnitState.Backoff, 1), (change.Unit, change.From, change.To, change.Generation));
        Assert.Equal("exit 2: panic: boom; restart in 500ms", change.Reason);

        await h.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Single(h.Runner.Started);
        await h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, h.Runner.Started.Count);
        var status = h.Orchestrator.Snapshot().Single();
        Assert.Equal((UnitState.Ready, 1, h.Runner.Latest("api").Pid), (status.State, status.Restarts, status.Pid));
        Assert.Contains(h.Sink.Lines, l => l is { Stream: LogStream.Manager, Text: "Ready -> Backoff: exit 2: panic: boom; restart in 500ms" });
    }

    [Fact]
    public async Task Shutdown_goes_in_reverse_order_and_reports_what_it_waits_for()
    {
        await using var h = new OrchestratorHarness(Units.Service("db"), Units.Service("api", "db"));
        await h.Orchestrator.StartAsync();
        await h.Idle();
        var api = h.Runner.Latest("api");
        var db = h.Runner.Latest("db");

        var shutdown = h.Orchestrator.ShutdownAsync();
        await h.Idle();
        Assert.Equal([StopSignal.Terminate], api.Signals);
        Assert.Empty(db.Signals);
        Assert.Equal(
            [$"db (pids {db.Pid}, {db.Pid + 1000})", $"api (pids {api.Pid}, {api.Pid + 1000})"],
            h.Orchestrator.Waiting().Select(w => w.Describe()));

        h.DrainEvents();
        await h.Advance(TimeSpan.FromSeconds(5));
        var notice = Assert.IsType<ShutdownWaiting>(Assert.Single(h.DrainEvents()));
        Assert.Equal($"waiting for db (pids {db.Pid}, {db.Pid + 1000}), api (pids {api.Pid}, {api.Pid + 1000})", notice.Describe());

        await h.Exit("api", 0);
        Assert.Equal([StopSignal.Terminate], db.Signals);
        Assert.False(shutdown.IsCompleted);

        await h.Exit("db", 0);
        await shutdown;
        Assert.All(h.Orchestrator.Snapshot(), s => Assert.Equal(UnitState.Stopped, s.State));
    }

    [Fact]
    public async Task Force_kill_ends_a_shutdown_that_waits_for_a_stubborn_process()
    {
        await using var h = new OrchestratorHarness(Units.Service("db"), Units.Service("api", "db"));
        await h.Orchestrator.StartAsync();
        await h.Idle();
        var shutdown = h.Orchestrator.ShutdownAsync();
        await h.Idle();

        h.Orchestrator.ForceKill();
        await h.Idle();

        Assert.Equal([StopSignal.Terminate, StopSignal.Kill], h.Runner.Latest("api").Signals);
        Assert.Equal([StopSignal.Kill], h.Runner.Latest("db").Signals);
        h.Runner.Latest("api").KilledBy(9);
        h.Runner.Latest("db").KilledBy(9);
        await shutdown;
        Assert.Empty(h.Orchestrator.Waiting());
    }

    [Fact]
    public async Task Stop_and_restart_of_one_unit()
    {
        await using var h = new OrchestratorHarness(Units.Service("api"));
        await h.Orchestrator.StartAsync();
        await h.Idle();
        var first = h.Runner.Latest("api");

        await h.Orchestrator.RestartUnitAsync("api");
        await h.Exit("api", 143);
        Assert.Equal([StopSignal.Terminate], first.Signals);
        Assert.NotSame(first, h.Runner.Latest("api"));

        var stop = h.Orchestrator.StopUnitAsync("api");
        await h.Idle();
        Assert.False(stop.IsCompleted);
        await h.Exit("api", 143);
        await stop;

        Assert.Equal(UnitState.Stopped, h.Orchestrator.Snapshot().Single().State);
    }

    [Fact]
    public async Task A_spawn_failure_is_reported_and_a_bad_graph_is_refused()
    {
        Assert.Throws<UnitGraphException>(() => new OrchestratorHarness(Units.Service("api", "db")));

        await using var h = new OrchestratorHarness(Units.Task("migrate"));
        h.Runner.FailingUnits.Add("migrate");
        await h.Orchestrator.StartAsync();

        var settled = await h.Orchestrator.WaitUntilReadyAsync();

        Assert.Equal(["migrate failed: spawn failed: /bin/sh: not found"], settled.Failures);
        await Assert.ThrowsAsync<UnitGraphException>(() => h.Orchestrator.StartAsync(["nope"]));
    }
}
