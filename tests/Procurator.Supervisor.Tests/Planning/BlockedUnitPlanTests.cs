using Procurator.Model;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Planning;
using Procurator.Supervisor.Planning.Presets;
using static Procurator.Supervisor.Tests.Planning.Workspaces;

namespace Procurator.Supervisor.Tests.Planning;

/// <summary>Unit-scoped plan problems: the unit stays in the plan, blocked, and nothing else is.</summary>
public sealed class BlockedUnitPlanTests
{
    private const string NoPreset = "service 'q': kind 'kafka' has no built-in preset (mariadb, memcached, mysql, nats, postgres, rabbitmq and redis do); give it a command, e.g. Service(\"q\").Command(\"…\")";

    private static readonly BinaryLocator Nothing = new("/nothing", _ => false, _ => []);

    private static UnitPlan Plan(WorkspaceModel model) =>
        UnitPlanner.Plan(model, "/ws", new StatePaths("/state/ws-0123456789abcdef"), Nothing, runningAsRoot: false);

    [Fact]
    public void A_kind_without_a_preset_is_a_blocked_unit_that_its_dependents_still_depend_on()
    {
        var plan = Plan(With(
            [Project("api", dependsOn: ["q"], processes: [Process("web", "serve")]), Project("docs", processes: [Process("site", "serve")])],
            [Service("q", "kafka", 9092)]));

        Assert.Equal([new PlanProblem("PRO070", "q", NoPreset, ProblemScope.Unit)], plan.Errors);
        Assert.Empty(plan.Fatal);
        var q = plan.Units.Single(u => u.Name == "q");
        Assert.Equal(NoPreset, q.Blocked);
        Assert.Equal([9092], q.Ports);
        Assert.Equal(["q"], plan.Units.Single(u => u.Name == "api").DependsOn.Select(d => d.Name));
        Assert.Equal([null, null], plan.Units.Where(u => u.Name != "q").Select(u => u.Blocked));
    }

    [Fact]
    public void A_preset_that_cannot_run_here_blocks_its_unit_and_no_data_folder_is_prepared()
    {
        var plan = Plan(With([], [Service("db", "postgres", 5432)]));

        var problem = Assert.Single(plan.Errors);
        Assert.Equal(("PRO072", "db", ProblemScope.Unit), (problem.Code, problem.Subject, problem.Scope));
        Assert.Equal(problem.Message, Assert.Single(plan.Units).Blocked);
        Assert.Empty(plan.Directories);
    }

    [Fact]
    public void A_dependency_that_never_completes_still_stops_the_whole_plan()
    {
        var plan = Plan(With(
            [Project("api", dependsOn: ["cache"], processes: [Process("web", "serve")], conditions: new Dictionary<string, WaitFor> { ["cache"] = WaitFor.Completed })],
            [Service("cache", command: "run-cache")]));

        var fatal = Assert.Single(plan.Fatal);
        Assert.Equal(("PRO071", ProblemScope.Plan), (fatal.Code, fatal.Scope));
        Assert.All(plan.Units, u => Assert.Null(u.Blocked));
    }

    [Fact]
    public void The_blocker_of_a_unit_is_itself_or_a_dependency_at_any_depth()
    {
        var plan = Plan(With(
            [Project("api", dependsOn: ["q"], processes: [Process("web", "serve")]),
             Project("front", dependsOn: ["api"], processes: [Process("site", "serve")]),
             Project("docs", processes: [Process("site", "serve")])],
            [Service("q", "kafka", 9092)]));

        Assert.Equal(["q", "q", "q"], new[] { "q", "api", "front" }.Select(u => plan.BlockerOf(u)?.Name));
        Assert.Null(plan.BlockerOf("docs"));
        Assert.Equal(["api", "front", "q"], plan.Closure(["front"]).Order(StringComparer.Ordinal));
    }
}
