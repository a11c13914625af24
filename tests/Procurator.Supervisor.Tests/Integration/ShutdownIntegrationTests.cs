using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Support;

namespace Procurator.Supervisor.Tests.Integration;

/// <summary>Shutdown with real processes: stubborn units are KILLed, and nothing of a session survives.</summary>
public sealed class ShutdownIntegrationTests
{
    [ProcessFact]
    public async Task A_unit_ignoring_terminate_is_killed_after_its_grace_period_and_named_while_waited_for()
    {
        // Ready only once the trap is set: a TERM that arrived before it would end the shell.
        var stubborn = RealUnits.Service("stubborn", "trap \"\" TERM; echo trapped; while :; do sleep 0.1; done") with
        {
            StopGracePeriod = TimeSpan.FromSeconds(1),
            Readiness = new Specs.LogLineProbe("^trapped$"),
        };
        await using var stack = new RealStack([stubborn], new OrchestratorOptions { WaitingNoticeInterval = TimeSpan.FromMilliseconds(200) });
        await stack.Orchestrator.StartAsync();
        Assert.True((await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync())).AllReady);
        var session = stack.Status("stubborn").Pid!.Value;
        var before = ProcFs.SessionMembers(session);
        Assert.Contains(session, before);

        await Poll.WithinAsync(stack.Orchestrator.ShutdownAsync());
        var pids = SeenPids(stack, before);

        var status = stack.Status("stubborn");
        Assert.Equal((UnitState.Stopped, new ProcessExit(null, 9)), (status.State, status.LastExit));
        Assert.Empty(ProcFs.SessionMembers(session));
        Assert.All(pids, pid => Assert.False(ProcFs.IsRunningIn(pid, session), $"pid {pid} still runs"));

        // TERM did nothing: the exit came only with the KILL, a grace period after the stop began.
        var changes = stack.ChangesOf("stubborn");
        var stopping = changes.Single(c => c.To == UnitState.Stopping);
        var stopped = changes.Single(c => c.To == UnitState.Stopped);
        Assert.Equal("stopped", stopped.Reason);
        Assert.True(stopped.At - stopping.At >= TimeSpan.FromMilliseconds(950), $"stopped {stopped.At - stopping.At} after TERM");

        // Meanwhile the shutdown said what it was waiting for, with the unit's live PIDs.
        var notices = stack.Events.OfType<ShutdownWaiting>().ToList();
        Assert.NotEmpty(notices);
        var waiting = Assert.Single(notices[0].Units);
        Assert.Equal("stubborn", waiting.Unit);
        Assert.Contains(session, waiting.Pids);
        Assert.StartsWith("waiting for stubborn (pid", notices[0].Describe(), StringComparison.Ordinal);
    }

    [ProcessFact]
    public async Task A_grandchild_is_gone_after_shutdown()
    {
        await using var stack = new RealStack([RealUnits.Service("tree", "sleep 1000 & sleep 1000")]);
        await stack.Orchestrator.StartAsync();
        Assert.True((await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync())).AllReady);
        var session = stack.Status("tree").Pid!.Value;

        // The shell and both sleeps (the background one is a grandchild of the manager).
        Assert.True(await Poll.UntilAsync(() => ProcFs.SessionMembers(session).Count >= 3), "the process tree did not come up");
        var pids = ProcFs.SessionMembers(session);
        Assert.Contains(session, pids);

        await Poll.WithinAsync(stack.Orchestrator.ShutdownAsync());

        Assert.Equal(UnitState.Stopped, stack.Status("tree").State);
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}") && ProcFs.IsRunningIn(pid, session), $"pid {pid} of the session still runs"));
        Assert.Empty(ProcFs.SessionMembers(session));
    }

    /// <summary>Every PID seen before the stop, plus those the shutdown notices named.</summary>
    private static HashSet<int> SeenPids(RealStack stack, IEnumerable<int> before) =>
        [.. before, .. stack.Events.OfType<ShutdownWaiting>().SelectMany(n => n.Units).SelectMany(u => u.Pids)];
}
