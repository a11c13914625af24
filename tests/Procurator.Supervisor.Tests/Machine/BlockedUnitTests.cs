using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Tests.Fakes;
using static Procurator.Supervisor.Tests.Machine.MachineHarness;

namespace Procurator.Supervisor.Tests.Machine;

/// <summary>A unit the plan blocked: never spawned, its dependents skipped, everything else untouched.</summary>
public sealed class BlockedUnitTests
{
    private const string Why = "service 'q': kind 'kafka' has no built-in preset";

    // q is blocked; api needs q, front needs api; docs needs nothing, db is needed by api and docs.
    private static MachineHarness Workspace() => new([
        Units.Service("q") with { Blocked = Why },
        Units.Service("db"),
        Units.Service("api", "q", "db"),
        Units.Service("front", "api"),
        Units.Service("docs", "db"),
    ]);

    [Fact]
    public void A_blocked_unit_is_never_spawned_and_its_dependents_are_skipped_transitively_naming_it()
    {
        var h = Workspace();

        var effects = h.Start();

        Assert.Equal(["db"], Spawns(effects));
        Assert.Equal(
            [("q", UnitState.Pending, UnitState.Blocked, Why),
             ("db", UnitState.Pending, UnitState.Starting, "dependencies met"),
             ("api", UnitState.Pending, UnitState.Skipped, $"q blocked: {Why}"),
             ("front", UnitState.Pending, UnitState.Skipped, $"api skipped: q blocked: {Why}")],
            effects.OfType<StateChanged>().Select(c => (c.Unit, c.From, c.To, c.Reason)));
    }

    [Fact]
    public void Unrelated_units_start_and_become_ready_and_the_wait_settles_with_the_reasons()
    {
        var h = Workspace();
        h.Start();
        Assert.Null(h.Machine.Settle());

        var effects = h.Spawned("db");
        h.Spawned("docs");

        Assert.Equal(["docs"], Spawns(effects));
        Assert.Equal([UnitState.Ready, UnitState.Ready], new[] { h.State("db"), h.State("docs") });
        var settlement = h.Machine.Settle();
        Assert.NotNull(settlement);
        Assert.False(settlement.AllReady);
        Assert.Equal([$"q blocked: {Why}", $"api skipped: q blocked: {Why}", $"front skipped: api skipped: q blocked: {Why}"], settlement.Failures);
    }

    [Fact]
    public void A_blocked_unit_not_asked_for_stays_pending_and_blocks_nothing()
    {
        var h = Workspace();

        var effects = h.Start("docs");

        Assert.Equal(["db"], Spawns(effects));
        Assert.Equal(UnitState.Pending, h.State("q"));
        Assert.DoesNotContain(effects.OfType<StateChanged>(), c => c.Unit == "q");
    }

    [Fact]
    public void Restarting_a_blocked_unit_or_its_dependent_changes_nothing()
    {
        var h = Workspace();
        h.Start();

        var restartBlocked = h.Send(new RestartRequested("q"));
        var restartDependent = h.Send(new RestartRequested("api"));

        Assert.Empty(Spawns(restartBlocked.Concat(restartDependent)));
        Assert.Equal(UnitState.Blocked, h.State("q"));
        Assert.Equal(UnitState.Skipped, h.State("api"));
        Assert.Equal($"q blocked: {Why}", h.Machine["api"].Reason);
        Assert.Empty(restartBlocked);
    }

    [Fact]
    public void A_shutdown_leaves_a_blocked_unit_blocked_and_does_not_wait_for_it()
    {
        var h = Workspace();
        h.Start();
        h.Spawned("db");
        h.Spawned("docs");

        h.Send(new ShutdownRequested());
        h.Exit("docs", 0);
        h.Exit("db", 0);

        Assert.True(h.Machine.AllDown);
        Assert.Equal(UnitState.Blocked, h.State("q"));
    }
}
