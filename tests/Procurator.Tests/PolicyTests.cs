using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>Policies: each built-in passing and failing, custom ones by lambda, class, #load and #r, and team scoping.</summary>
public sealed class PolicyTests
{
    [Theory]
    [InlineData(
        "Use(\"services-have-health-checks\");\nService(\"redis\").HealthCheck(Tcp(6379));\nService(\"postgres\");\n",
        "procurator.csx(3,1): error services-have-health-checks: service 'postgres' has no health check; add .HealthCheck(Tcp(...)), Http(...) or Exec(...)")]
    [InlineData(
        "Use(\"pinned-versions\");\nService(\"redis\").Version(\"7\");\nService(\"postgres\").Version(\"latest\");\nProject(\"api\").DependsOn(\"mysql\");\n",
        "procurator.csx(4,16): error pinned-versions: service 'mysql' has no version; pin one with .Version(\"...\")\n" +
        "procurator.csx(3,1): error pinned-versions: service 'postgres' uses the unpinned version 'latest'; pin a real version")]
    [InlineData(
        "Team(\"pay\").Owns(\"billing\", \"cache\").Ports(7000, 7999);\nUse(\"ports-in-team-range\");\nProject(\"billing\").Port(7001).Port(8080);\nService(\"cache\").Kind(\"redis\");\nProject(\"other\").Port(9000);\n",
        "procurator.csx(3,1): error ports-in-team-range: port 8080 of project 'billing' is outside the range 7000-7999 of team pay\n" +
        "procurator.csx(4,1): error ports-in-team-range: port 6379 of service 'cache' is outside the range 7000-7999 of team pay")]
    [InlineData(
        "Policy(BuiltInPolicies.NamesMatch(\"^(svc|lib)-\"));\nProject(\"svc-api\");\nProject(\"web\");\n",
        "procurator.csx(3,1): error names-match: name 'web' does not match the pattern ^(svc|lib)-")]
    [InlineData(
        "Policy(BuiltInPolicies.RequiredEnv(\"LOG_LEVEL\"));\nProject(\"api\").Env(\"LOG_LEVEL\", \"info\");\nProject(\"web\");\n",
        "procurator.csx(3,1): error required-env: project 'web' does not set the required env var LOG_LEVEL")]
    [InlineData(
        "Policy(BuiltInPolicies.ForbidDependency(\"frontend\", \"postgres\"));\nProject(\"api\").DependsOn(\"postgres\");\nProject(\"frontend\").DependsOn(\"api\", \"postgres\");\n",
        "procurator.csx(3,1): error forbidden-dependency: project 'frontend' may not depend on 'postgres' (rule: frontend -/-> postgres)")]
    [InlineData(
        "Policy(BuiltInPolicies.MaxDependencyDepth(2));\nProject(\"a\").DependsOn(\"b\");\nProject(\"b\").DependsOn(\"c\");\nProject(\"c\").DependsOn(\"d\");\nProject(\"d\");\n",
        "procurator.csx(2,1): error max-dependency-depth: project 'a' has a dependency chain of 3 steps (at most 2): a -> b -> c -> d")]
    public async Task Built_in_policy_fails_with_exact_messages_at_the_declaration(string script, string expected)
    {
        var run = await CheckAsync(script);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected + "\n", run.Stderr.Replace("procurator: 0 errors; nothing was written\n", ""));
    }

    [Theory]
    [InlineData("Use(\"services-have-health-checks\");\nService(\"redis\").HealthCheck(Tcp(6379));\n")]
    [InlineData("Use(\"pinned-versions\");\nService(\"redis\").Version(\"7.2\");\n")]
    [InlineData("Team(\"pay\").Owns(\"billing\").Ports(7000, 7999);\nUse(\"ports-in-team-range\");\nProject(\"billing\").Port(7001);\nProject(\"web\").Port(80);\n")]
    [InlineData("Policy(BuiltInPolicies.NamesMatch(\"^[a-z]+$\"));\nProject(\"api\");\n")]
    [InlineData("Policy(BuiltInPolicies.RequiredEnv(\"A\", \"B\"));\nProject(\"api\").Env(\"A\", \"1\").Env(\"B\", \"2\");\n")]
    [InlineData("Policy(BuiltInPolicies.ForbidDependency(\"frontend\", \"postgres\"));\nProject(\"api\").DependsOn(\"postgres\");\nProject(\"frontend\").DependsOn(\"api\");\n")]
    [InlineData("Policy(BuiltInPolicies.MaxDependencyDepth(3));\nProject(\"a\").DependsOn(\"b\");\nProject(\"b\").DependsOn(\"c\");\nProject(\"c\").DependsOn(\"d\");\nProject(\"d\");\n")]
    public async Task Built_in_policy_passes_a_workspace_that_keeps_it(string script)
    {
        var run = await CheckAsync(script);

        Assert.Equal((0, "", "procurator.csx: check passed\n"), (run.ExitCode, run.Stderr, run.Stdout));
    }

    [Fact]
    public async Task Lambda_policy_reports_errors_warnings_and_infos_with_levels()
    {
        var run = await CheckAsync("""
            Project("api").Port(8080);
            Project("web");
            Policy("ports-declared", (workspace, report) =>
            {
                foreach (var p in workspace.Projects.Where(p => p.Ports.Count == 0)) report.Warning(p, "no port");
                report.Info($"{workspace.Projects.Count} projects");
                report.Error("api", "api is special");
            });
            """);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "procurator.csx(2,1): warning ports-declared: no port\n" +
            "procurator.csx(3,1): info ports-declared: 2 projects\n" +
            "procurator.csx(1,1): error ports-declared: api is special\n",
            run.Stderr);
    }

    [Fact]
    public async Task Class_policy_from_a_loaded_file_and_team_scoping()
    {
        using var dir = new TempDirectory();
        dir.Write("teams/rules.csx", """
            public sealed class NeedsDescription : IPolicy
            {
                public string Name => "needs-description";
                public void Check(WorkspaceModel workspace, PolicyReport report)
                {
                    foreach (var p in workspace.Projects.Where(p => p.Description is null)) report.Error(p, $"{p.Name} has no description");
                }
            }
            """);
        dir.Write("procurator.csx", """
            #load "teams/rules.csx"
            Team("core").Owns("api");
            Project("api");
            Project("web");
            Policy(new NeedsDescription()).ForTeam("core");
            """);

        var run = await CliRun.InAsync(dir.Path, "check", "--no-nix");

        Assert.Equal((1, "procurator.csx(3,1): error needs-description: api has no description\n"), (run.ExitCode, SkipDrift(run.Stderr)));
    }

    [Fact]
    public async Task Class_policy_from_a_compiled_assembly_referenced_with_r()
    {
        using var dir = new TempDirectory();
        CompilePolicyAssembly(dir.Combine("lib", "TeamPolicies.dll"), """
            using Procurator;
            using Procurator.Model;
            namespace TeamPolicies;
            public sealed class NoRedis : IPolicy
            {
                public string Name => "no-redis";
                public void Check(WorkspaceModel workspace, PolicyReport report)
                {
                    foreach (var s in workspace.Services) if (s.Kind == "redis") report.Error(s, $"{s.Name}: we left redis");
                }
            }
            """);
        dir.Write("procurator.csx", "#r \"lib/TeamPolicies.dll\"\nService(\"cache\").Kind(\"redis\");\nPolicy(new TeamPolicies.NoRedis());\n");

        var run = await CliRun.InAsync(dir.Path, "check", "--no-nix");

        Assert.Equal((1, "procurator.csx(2,1): error no-redis: cache: we left redis\n"), (run.ExitCode, SkipDrift(run.Stderr)));
    }

    [Fact]
    public async Task Policy_that_throws_is_an_error_at_its_line()
    {
        var run = await CheckAsync("Project(\"api\");\nPolicy(\"broken\", (w, r) => throw new InvalidOperationException(\"oops\"));\n");

        Assert.Equal((1, "procurator.csx(2,1): error PRO023: policy 'broken' threw InvalidOperationException: oops\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Unknown_teams_owners_and_built_ins_are_validation_errors()
    {
        var run = await CheckAsync("Team(\"pay\").Owns(\"billng\").Ports(9000, 8000);\nProject(\"billing\");\nUse(\"pinned-version\");\nPolicy(BuiltInPolicies.RequiredEnv(\"X\")).ForTeam(\"payments\");\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "procurator.csx(1,13): error PRO021: team 'pay' owns 'billng', which is not a declared project or service; did you mean 'billing'?\n" +
            "procurator.csx(1,28): error PRO005: port range 9000-8000 of team 'pay' is not a range within 1-65535\n" +
            "procurator.csx(3,1): error PRO022: there is no built-in policy 'pinned-version'; did you mean 'pinned-versions'? (built-in: deploy-readiness-probes, pinned-images, pinned-versions, ports-in-team-range, services-have-health-checks)\n" +
            "procurator.csx(4,42): error PRO021: policy 'required-env' is for team 'payments', which is not declared\n" +
            "procurator: 4 errors; nothing was written\n",
            run.Stderr);
    }

    [Fact]
    public async Task Script_error_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\").Port(\"x\");\n");

        var run = await CliRun.InAsync(dir.Path, "check", "--no-nix");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procurator.csx(1,21): error CS1503:", run.Stderr);
    }

    [Fact]
    public async Task Drift_of_generated_files_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\n");

        var run = await CliRun.InAsync(dir.Path, "check", "--no-nix");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "flake.nix(1,1): error PRO024: flake.nix is out of date; run `procurator run procurator.csx` to regenerate it\n" +
            "procurator.json(1,1): error PRO024: procurator.json is out of date; run `procurator run procurator.csx` to regenerate it\n" +
            "procurator.visualize.sh(1,1): error PRO024: procurator.visualize.sh is out of date; run `procurator run procurator.csx` to regenerate it\n",
            run.Stderr);
    }

    /// <summary>Runs <c>check --no-nix</c> on a script whose generated files are current, so only policies speak.</summary>
    private static async Task<CliRun> CheckAsync(string script)
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", script);
        await CliRun.InAsync(dir.Path, "run");
        return await CliRun.InAsync(dir.Path, "check", "--no-nix");
    }

    private static string SkipDrift(string stderr) =>
        string.Concat(stderr.Split('\n').Where(l => l.Length > 0 && !l.Contains("PRO024", StringComparison.Ordinal)).Select(l => l + "\n"));

    private static void CompilePolicyAssembly(string path, string source)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            trusted.Select(p => MetadataReference.CreateFromFile(p)).Append(MetadataReference.CreateFromFile(typeof(IPolicy).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
