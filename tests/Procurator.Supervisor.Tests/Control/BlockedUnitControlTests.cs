using Procurator.Supervisor.Control;
using Procurator.Supervisor.Planning;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Fakes;
using Procurator.Supervisor.Tests.Orchestration;

namespace Procurator.Supervisor.Tests.Control;

/// <summary><c>start</c> and <c>restart</c> of a blocked unit, or of one that needs it, are refused with the reason.</summary>
public sealed class BlockedUnitControlTests
{
    private const string Why = "service 'q': kind 'kafka' has no built-in preset";

    private static readonly UnitSpec[] Specs = [Units.Service("q") with { Blocked = Why }, Units.Service("api", "q"), Units.Service("docs")];

    private static readonly ProblemReport Problem = new("/ws/procurator.csx", 1, 1, "error", "PRO070", Why);

    [Theory]
    [InlineData("start", "q", "q cannot start: " + Why)]
    [InlineData("restart", "q", "q cannot start: " + Why)]
    [InlineData("start", "api", "api cannot start: it depends on q, which cannot start: " + Why)]
    [InlineData("restart", "api", "api cannot start: it depends on q, which cannot start: " + Why)]
    public async Task Starting_a_blocked_unit_or_a_dependent_is_refused_with_the_reason(string command, string unit, string error)
    {
        await using var h = new OrchestratorHarness(Specs);
        var host = Host(h);
        await h.Orchestrator.StartAsync();
        await h.Idle();

        var responses = await SendAsync(host, new ControlRequest(command, [unit]));

        var done = Assert.Single(responses);
        Assert.False(done.Ok);
        Assert.Equal(error, done.Error);
        Assert.Equal(["blocked", "ready", "skipped"], done.Status!.Units.Select(u => u.State).Order());
        Assert.Equal(["docs"], h.Runner.SpawnOrder);
    }

    [Fact]
    public async Task Status_names_the_blocked_unit_with_its_reason_and_carries_the_located_problem()
    {
        await using var h = new OrchestratorHarness(Specs);
        var host = Host(h);
        await h.Orchestrator.StartAsync();
        await h.Idle();

        var status = host.Status();

        Assert.Equal(("blocked", Why), status.Units.Where(u => u.Name == "q").Select(u => (u.State, u.Reason)).Single());
        Assert.Equal(("skipped", $"q blocked: {Why}"), status.Units.Where(u => u.Name == "api").Select(u => (u.State, u.Reason)).Single());
        Assert.Equal([Problem], status.Problems);
    }

    private static ManagerHost Host(OrchestratorHarness h)
    {
        var plan = new UnitPlan(Specs, [], [new PlanProblem("PRO070", "q", Why, ProblemScope.Unit)], [],
            Specs.ToDictionary(s => s.Name, s => (IReadOnlyList<string>)[s.Name], StringComparer.Ordinal));
        return new ManagerHost(h.Orchestrator, plan, "/ws", new StatePaths("/state/ws"), new TaskCompletionSource<string>(), [Problem]);
    }

    private static async Task<List<ControlResponse>> SendAsync(ManagerHost host, ControlRequest request)
    {
        var responses = new List<ControlResponse>();
        await host.HandleAsync(request, r =>
        {
            responses.Add(r);
            return Task.CompletedTask;
        }, CancellationToken.None);
        return responses;
    }
}
