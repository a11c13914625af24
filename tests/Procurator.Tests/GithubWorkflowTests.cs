using Procurator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Procurator.Tests;

/// <summary><c>procurator ci github</c>: golden files for the examples, and the workflow parsed back as YAML.</summary>
public sealed class GithubWorkflowTests
{
    [Theory]
    [InlineData("microservices")]
    [InlineData("policies")]
    public async Task Workflow_matches_its_golden_file_and_is_deterministic(string example)
    {
        var first = await CliRun.InAsync(RepositoryPaths.Root, "ci", "github", $"examples/{example}/procurator.csx", "-o", "-");
        var second = await CliRun.InAsync(RepositoryPaths.Root, "ci", "github", $"examples/{example}/procurator.csx", "-o", "-");

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        Assert.Equal(first.Stdout, second.Stdout);
        Golden.AssertMatches(Path.Combine(RepositoryPaths.Tests, "CiGolden", $"{example}.yml"), first.Stdout);
    }

    [Fact]
    public async Task Workflow_has_check_affected_and_a_matrix_of_projects_with_their_services()
    {
        var run = await CliRun.InAsync(RepositoryPaths.Root, "ci", "github", "examples/microservices/procurator.csx", "-o", "-");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(run.Stdout));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = (YamlMappingNode)root["jobs"];

        Assert.Equal(["check", "affected", "test"], jobs.Children.Keys.Select(k => k.ToString()));
        var checkSteps = (YamlSequenceNode)jobs["check"]["steps"];
        Assert.Contains(checkSteps, s => s is YamlMappingNode m && m.Children.TryGetValue("run", out var r) && r.ToString().StartsWith("procurator check 'examples/microservices/procurator.csx' --format sarif", StringComparison.Ordinal));

        var test = (YamlMappingNode)jobs["test"];
        Assert.Equal("affected", test["needs"].ToString());
        Assert.Equal("${{ fromJSON(needs.affected.outputs.matrix) }}", test["strategy"]["matrix"].ToString());
        var services = (YamlMappingNode)test["services"];
        Assert.Equal(["postgres", "redis"], services.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("${{ matrix['postgres'] }}", services["postgres"]["image"].ToString());
        Assert.Equal("5432:5432", ((YamlSequenceNode)services["postgres"]["ports"])[0].ToString());

        // The per-project table the matrix is built from: images only for the services a project uses.
        var affectedStep = ((YamlSequenceNode)jobs["affected"]["steps"]).OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey("id"));
        using var projects = System.Text.Json.JsonDocument.Parse(affectedStep["env"]["PROJECTS"].ToString());
        var api = projects.RootElement.GetProperty("api");
        Assert.Equal(("postgres:15", "redis:7", "( npm test )"), (api.GetProperty("postgres").GetString(), api.GetProperty("redis").GetString(), api.GetProperty("checks").GetString()));
        Assert.Equal("", projects.RootElement.GetProperty("frontend").GetProperty("postgres").GetString());
    }

    [Fact]
    public async Task Default_output_is_the_repository_workflow_folder()
    {
        using var dir = new TempDirectory("repo");
        Directory.CreateDirectory(dir.Combine(".git"));
        dir.Write("ws/procurator.csx", "Project(\"api\").DependsOn(\"redis\").Check(\"test\", \"make test\");\n");

        var run = await CliRun.InAsync(dir.Combine("ws"), "ci", "github");

        Assert.Equal((0, "wrote ../.github/workflows/procurator.yml\n"), (run.ExitCode, run.Stdout));
        Assert.Contains("procurator check 'ws/procurator.csx' --format sarif", File.ReadAllText(dir.Combine(".github", "workflows", "procurator.yml")));
    }
}
