using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Support;

namespace Procurator.Supervisor.Tests.Integration;

/// <summary>Start order and parallelism with real processes, read back from the published state changes.</summary>
public sealed class StartOrderIntegrationTests
{
    [ProcessFact]
    public async Task A_diamond_starts_after_readiness_with_the_middle_running_in_parallel()
    {
        // db is ready once it prints "ready" (about 300 ms in); api and worker take about a second
        // each to get ready, so if they started one after the other the intervals could not overlap.
        var ready = new LogLineProbe("^ready$");
        await using var stack = new RealStack(
        [
            RealUnits.Service("db", "sleep 0.3; echo ready; exec sleep 1000") with { Readiness = ready },
            RealUnits.Service("api", "sleep 1; echo ready; exec sleep 1000", "db") with { Readiness = ready },
            RealUnits.Service("worker", "sleep 1; echo ready; exec sleep 1000", "db") with { Readiness = ready },
            RealUnits.Service("web", "exec sleep 1000", "api", "worker"),
        ]);

        await stack.Orchestrator.StartAsync();
        var settled = await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());
        Assert.True(settled.AllReady, string.Join("; ", settled.Failures));

        var changes = stack.Changes;
        int At(string unit, UnitState to) => IndexOf(changes, unit, to);
        DateTimeOffset When(string unit, UnitState to) => changes[At(unit, to)].At;

        // Each unit went Pending -> Starting -> Running -> Ready, once.
        foreach (var unit in new[] { "db", "api", "worker", "web" })
        {
            Assert.Equal(
                [UnitState.Starting, UnitState.Running, UnitState.Ready],
                stack.ChangesOf(unit).Select(c => c.To));
        }

        Assert.Equal("ready: log matched \"ready\"", changes[At("db", UnitState.Ready)].Reason);

        // api and worker were spawned only after db was ready, web only after both were.
        foreach (var middle in new[] { "api", "worker" })
        {
            Assert.True(At(middle, UnitState.Starting) > At("db", UnitState.Ready), $"{middle} started before db was ready");
            Assert.True(When(middle, UnitState.Starting) >= When("db", UnitState.Ready));
            Assert.True(At("web", UnitState.Starting) > At(middle, UnitState.Ready), $"web started before {middle} was ready");
            Assert.True(When("web", UnitState.Starting) >= When(middle, UnitState.Ready));
        }

        // api and worker ran at the same time: each was spawned before the other got ready.
        Assert.True(When("worker", UnitState.Running) < When("api", UnitState.Ready), "worker was spawned only after api was ready");
        Assert.True(When("api", UnitState.Running) < When("worker", UnitState.Ready), "api was spawned only after worker was ready");

        // Shutdown goes the other way: a unit is stopped only once its dependents are down.
        await Poll.WithinAsync(stack.Orchestrator.ShutdownAsync());
        Assert.All(stack.Orchestrator.Snapshot(), s => Assert.Equal(UnitState.Stopped, s.State));
        changes = stack.Changes;
        foreach (var middle in new[] { "api", "worker" })
        {
            Assert.True(At(middle, UnitState.Stopping) > At("web", UnitState.Stopped), $"{middle} was stopped before web was down");
            Assert.True(At("db", UnitState.Stopping) > At(middle, UnitState.Stopped), $"db was stopped before {middle} was down");
        }
    }

    private static int IndexOf(IReadOnlyList<StateChange> changes, string unit, UnitState to)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Unit == unit && changes[i].To == to)
                return i;
        }

        Assert.Fail($"{unit} never became {to}; changes: {string.Join(" | ", changes.Select(c => c.Describe()))}");
        return -1;
    }
}
