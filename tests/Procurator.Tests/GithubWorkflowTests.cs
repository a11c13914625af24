using Procurator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Procurator.Tests;

/// <summary><c>procurator ci github</c>: golden files for the examples, and the workflow parsed back as YAML.</summary>
public sealed class GithubWorkflowTests
{
    // Where the runner gets procurator in these tests: the workflow runs whatever flake the script names.
    private const string FlakeLine = "Workspace.ProcuratorFlake(\"github:my-org/procurator?dir=nix/package\");\n";

    /// <summary>An example copied into a fresh repository at <paramref name="workspacePath"/>, naming a procurator flake.</summary>
    private static TempDirectory Repository(string example, string workspacePath)
    {
        var repo = new TempDirectory("repo");
        Directory.CreateDirectory(repo.Combine(".git"));
        var workspace = repo.Combine(workspacePath);
        Directory.CreateDirectory(workspace);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Examples, example), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(workspace, Path.GetRelativePath(Path.Combine(RepositoryPaths.Examples, example), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.AppendAllText(Path.Combine(workspace, "procurator.csx"), FlakeLine);
        return repo;
    }

    [Theory]
    [InlineData("microservices", "apps/shop")]   // two folders deep: paths and flake references from the repository root
    [InlineData("policies", ".")]
    public async Task Workflow_matches_its_golden_file_and_is_deterministic(string example, string workspacePath)
    {
        using var repo = Repository(example, workspacePath);
        var script = Path.Combine(workspacePath, "procurator.csx");

        var first = await CliRun.InAsync(repo.Path, "ci", "github", script, "-o", "-");
        var second = await CliRun.InAsync(repo.Path, "ci", "github", script, "-o", "-");

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        Assert.Equal(first.Stdout, second.Stdout);
        Golden.AssertMatches(Path.Combine(RepositoryPaths.Tests, "CiGolden", $"{example}.yml"), first.Stdout);
    }

    [Fact]
    public async Task Nested_workspace_runs_checks_in_the_project_folder_with_the_workspace_flake()
    {
        using var repo = Repository("microservices", "apps/shop");

        var run = await CliRun.InAsync(repo.Path, "ci", "github", "apps/shop/procurator.csx", "-o", "-");
        var root = Load(run.Stdout);
        var jobs = (YamlMappingNode)root["jobs"];

        Assert.Equal(
            ("github:my-org/procurator?dir=nix/package", "apps/shop/procurator.csx", "apps/shop"),
            (root["env"]["PROCURATOR_FLAKE"].ToString(), root["env"]["PROCURATOR_SCRIPT"].ToString(), root["env"]["PROCURATOR_WORKSPACE"].ToString()));
        var checks = ((YamlSequenceNode)jobs["test"]["steps"]).OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey("working-directory"));
        Assert.Equal("${{ matrix.path }}", checks["working-directory"].ToString());
        Assert.Equal("nix develop \"$GITHUB_WORKSPACE/$PROCURATOR_WORKSPACE#${{ matrix.project }}\" --command bash -euo pipefail -c \"$CHECKS\"", checks["run"].ToString());
        using var projects = System.Text.Json.JsonDocument.Parse(AffectedStep(jobs)["env"]["PROJECTS"].ToString());
        Assert.Equal("apps/shop/services/api", projects.RootElement.GetProperty("api").GetProperty("path").GetString());
        Assert.DoesNotContain("dotnet tool install", run.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(repo.Combine("apps", "shop", "services", "api")));
    }

    [Fact]
    public async Task Without_a_procurator_flake_the_workflow_is_refused_at_the_script()
    {
        using var dir = new TempDirectory("repo");
        dir.Write("procurator.csx", "Project(\"api\").Check(\"test\", \"make test\");\n");

        var run = await CliRun.InAsync(dir.Path, "ci", "github", "-o", "-");

        Assert.Equal(
            (1, "", "procurator.csx(1,1): error PRO046: the workflow needs a place the runner can get procurator from, and the script names none; " +
                "add Workspace.ProcuratorFlake(\"github:OWNER/REPO?dir=nix/package\") (a flake whose packages.<system>.default has bin/procurator, such as this repository's nix/package)\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData("git+file:///home/me/src/procurator?dir=nix/package")]
    [InlineData("path:/opt/procurator")]
    public async Task A_procurator_flake_on_this_machine_is_refused(string flake)
    {
        using var dir = new TempDirectory("repo");
        dir.Write("procurator.csx", $"Project(\"api\");\nWorkspace.ProcuratorFlake(\"{flake}\");\n");

        var run = await CliRun.InAsync(dir.Path, "ci", "github", "-o", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"procurator.csx(1,1): error PRO046: the procurator flake '{flake}' is on this machine, and a GitHub runner does not have it; " +
            "name one the runner can fetch, such as Workspace.ProcuratorFlake(\"github:OWNER/REPO?dir=nix/package\")\n",
            run.Stderr);
    }

    private static YamlMappingNode Load(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode AffectedStep(YamlMappingNode jobs) =>
        ((YamlSequenceNode)jobs["affected"]["steps"]).OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey("id"));

    [Fact]
    public async Task Workflow_has_check_affected_and_a_matrix_of_projects_with_their_services()
    {
        using var repo = Repository("microservices", ".");
        var run = await CliRun.InAsync(repo.Path, "ci", "github", "-o", "-");
        var jobs = (YamlMappingNode)Load(run.Stdout)["jobs"];

        Assert.Equal(["check", "affected", "test"], jobs.Children.Keys.Select(k => k.ToString()));
        var checkSteps = (YamlSequenceNode)jobs["check"]["steps"];
        Assert.Contains(checkSteps, s => s is YamlMappingNode m && m.Children.TryGetValue("run", out var r) && r.ToString() == "nix run \"$PROCURATOR_FLAKE\" -- check \"$PROCURATOR_SCRIPT\" --format sarif > procurator.sarif");

        var test = (YamlMappingNode)jobs["test"];
        Assert.Equal("affected", test["needs"].ToString());
        Assert.Equal("${{ fromJSON(needs.affected.outputs.matrix) }}", test["strategy"]["matrix"].ToString());
        var services = (YamlMappingNode)test["services"];
        Assert.Equal(["postgres", "redis"], services.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("${{ matrix['postgres'] }}", services["postgres"]["image"].ToString());
        Assert.Equal("5432:5432", ((YamlSequenceNode)services["postgres"]["ports"])[0].ToString());

        // The per-project table the matrix is built from: images only for the services a project uses.
        using var projects = System.Text.Json.JsonDocument.Parse(AffectedStep(jobs)["env"]["PROJECTS"].ToString());
        var api = projects.RootElement.GetProperty("api");
        Assert.Equal(("postgres:15", "redis:7", "(\nnpm test\n)"), (api.GetProperty("postgres").GetString(), api.GetProperty("redis").GetString(), api.GetProperty("checks").GetString()));
        Assert.Equal("", projects.RootElement.GetProperty("frontend").GetProperty("postgres").GetString());
    }

    [Fact]
    public async Task Default_output_is_the_repository_workflow_folder()
    {
        using var dir = new TempDirectory("repo");
        Directory.CreateDirectory(dir.Combine(".git"));
        dir.Write("ws/procurator.csx", "Project(\"api\").DependsOn(\"redis\").Check(\"test\", \"make test\");\n" + FlakeLine);

        var run = await CliRun.InAsync(dir.Combine("ws"), "ci", "github");

        Assert.Equal((0, "wrote ../.github/workflows/procurator.yml\n"), (run.ExitCode, run.Stdout));
        Assert.Contains("PROCURATOR_SCRIPT: 'ws/procurator.csx'", File.ReadAllText(dir.Combine(".github", "workflows", "procurator.yml")));
    }
}
