using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Procurator.Cli;
using Procurator.Diagnostics;
using Procurator.Discovery;
using Procurator.Tests.Support;

namespace Procurator.Tests.Discovery;

/// <summary><c>procurator init DIR</c>: overwriting, the compose seam, workflows, escaping, and what it writes as Nix and the CLI see it.</summary>
public sealed class InitScanTests
{
    [Fact]
    public async Task Init_refuses_to_overwrite_a_file_that_differs_and_writes_nothing_without_force()
    {
        using var dir = DiscoveryFixtureTests.Copy("monorepo");
        dir.Write("procurator.csx", "Project(\"mine\");\n");

        var run = await CliRun.InAsync(dir.Path, "init");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("warning PRO043: expression ${{ secrets.DB_PASSWORD }} kept as text\nprocurator.csx: exists; use --force to overwrite\n", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("Project(\"mine\");\n", File.ReadAllText(dir.Combine("procurator.csx")));

        var forced = await CliRun.InAsync(dir.Path, "init", "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.EndsWith("wrote procurator.csx\n", forced.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("// Written by `procurator init`", File.ReadAllText(dir.Combine("procurator.csx")), StringComparison.Ordinal);

        var again = await CliRun.InAsync(dir.Path, "init");
        Assert.Equal(0, again.ExitCode);
        Assert.EndsWith("procurator.csx: up to date\n", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_prints_the_findings_and_writes_nothing()
    {
        using var dir = DiscoveryFixtureTests.Copy("go");

        var run = await CliRun.InAsync(dir.Path, "init", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("would write flake.nix\n", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task Init_editor_still_writes_only_the_editor_files()
    {
        using var dir = DiscoveryFixtureTests.Copy("go");

        var run = await CliRun.InAsync(dir.Path, "init", "--editor");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.False(File.Exists(dir.Combine("flake.nix")));
        Assert.True(File.Exists(dir.Combine("procurator.rsp")));
    }

    [Fact]
    public void Compose_files_are_read_through_the_seam_and_their_services_join_the_projects_beside_them()
    {
        using var dir = DiscoveryFixtureTests.Copy("monorepo");
        var source = new FakeComposeSource();

        var scan = new RepositoryScanner(source).Scan(dir.Path);

        Assert.Equal(["compose.yaml"], source.Read);
        var db = Assert.Single(scan.Services, s => s.Name == "db");
        Assert.Equal(("postgres", "15", new SourceRef("compose.yaml", 2)), (db.Kind, db.Version, db.Source));
        Assert.Equal([5432], db.Ports);
        Assert.Equal([5433], scan.Services.Single(s => s.Name == "postgres").Ports); // the workflow's postgres moves over
        Assert.All(scan.Projects, p => Assert.Contains("db", p.DependsOn));
        Assert.Contains(scan.Diagnostics, d => d.Code == "PRO099");
    }

    [Fact]
    public void Workflow_service_containers_keep_image_env_ports_and_health_options()
    {
        using var dir = DiscoveryFixtureTests.Copy("monorepo");

        var scan = new RepositoryScanner(NoComposeServices.Instance).Scan(dir.Path);

        var postgres = Assert.Single(scan.Services, s => s.Name == "postgres");
        Assert.Equal(("postgres:15-alpine", "postgres", "15"), (postgres.Image, postgres.Kind, postgres.Version));
        Assert.Equal([5432], postgres.Ports);
        Assert.Equal("${{ secrets.DB_PASSWORD }}", postgres.Env["POSTGRES_PASSWORD"]);
        Assert.Equal(new DiscoveredHealthCheck("exec", Command: "pg_isready -U postgres", Interval: "10s", Timeout: "5s", Retries: 5), postgres.HealthCheck);
        var warning = Assert.Single(scan.Diagnostics);
        Assert.Equal(".github/workflows/ci.yml(13,30): warning PRO043: expression ${{ secrets.DB_PASSWORD }} kept as text", DiagnosticFormatter.Format(warning, dir.Path));
        var api = Assert.Single(scan.Projects, p => p.Name == "api");
        Assert.Equal(["postgres", "redis"], api.DependsOn);
        Assert.Equal(new SourceRef(".github/workflows/ci.yml", 29), api.Checks.Single(c => c.Name == "lint").Source);
    }

    [Theory]
    [InlineData("postgres:15", null, "postgres", "15", null, "postgres", "15")]
    [InlineData("localhost:5000/team/redis:7.2.4-bookworm@sha256:ab", "localhost:5000", "team/redis", "7.2.4-bookworm", "sha256:ab", "redis", "7.2.4")]
    [InlineData("ghcr.io/acme/mongo", "ghcr.io", "acme/mongo", null, null, "mongodb", null)]
    [InlineData("bitnami/postgresql:latest", null, "bitnami/postgresql", "latest", null, "postgres", null)]
    [InlineData("mailhog/mailhog:v1.0.1", null, "mailhog/mailhog", "v1.0.1", null, null, "1.0.1")]
    public void Image_references_are_parsed(string image, string? registry, string name, string? tag, string? digest, string? kind, string? version)
    {
        var reference = Procurator.Compose.ImageReference.TryParse(image)!;

        Assert.Equal((registry, name, tag, digest, kind, version),
            (reference.Registry, reference.Repository, reference.Tag, reference.Digest, Procurator.Compose.ServiceKindMap.KindOf(reference), Procurator.Compose.ServiceKindMap.VersionOf(reference)));
    }

    [Theory]
    [InlineData("--health-cmd \"pg_isready -U postgres\" --health-interval 10s --health-timeout 5s --health-retries 5", "pg_isready -U postgres", "10s", "5s", 5)]
    [InlineData("--health-cmd='redis-cli ping' --health-retries=3 --entrypoint redis-server", "redis-cli ping", null, null, 3)]
    [InlineData("--health-cmd=\"mysqladmin ping -p\\\"x\\\"\"", "mysqladmin ping -p\"x\"", null, null, null)]
    public void Docker_health_options_are_parsed_in_both_forms(string options, string command, string? interval, string? timeout, int? retries)
    {
        Assert.Equal(new DiscoveredHealthCheck("exec", Command: command, Interval: interval, Timeout: timeout, Retries: retries), DockerOptions.HealthCheck(options));
    }

    [Fact]
    public void Run_steps_give_only_well_known_check_commands()
    {
        var checks = RunCommands.Checks("npm ci\nnpm test\nnpm run build\ncd web && pnpm run lint\ncargo test --all | tee out\nmake deploy\nmake lint\ngo test ./... -race\npytest ${{ matrix.args }}").ToArray();

        Assert.Equal(
            [("test", "npm test", ".", 1), ("lint", "pnpm run lint", "web", 3), ("lint", "make lint", "web", 6), ("test", "go test ./... -race", "web", 7)],
            checks);
    }

    [Theory]
    [InlineData("@acme/Web_App", "acme-web-app")]
    [InlineData("1password", "project-1password")]
    [InlineData("default", "default-project")]
    [InlineData("___", "project")]
    public void Names_are_sanitised_to_what_the_validator_accepts(string raw, string expected) =>
        Assert.Equal(expected, Naming.Sanitize(raw, "project"));

    [Fact]
    public async Task Hostile_strings_survive_as_csharp_literals()
    {
        string[] hostile = ["a\"b", "back\\slash", "line\nbreak\r\n", "tab\t", "nul\0", "\u2028\u2029\u0085", "${{ x }}", "{0} {{", "ünï\U0001F600", "\u0001\u007f"];
        foreach (var value in hostile)
        {
            Assert.Equal(value, await CSharpScript.EvaluateAsync<string>(CSharpLiteral.String(value)));
        }

        Assert.DoesNotContain('\u2028', CSharpLiteral.Comment("a\u2028b\nc"));
    }

    [NixFact]
    public async Task The_written_script_runs_cleanly_and_its_master_flake_evaluates()
    {
        using var dir = DiscoveryFixtureTests.Copy("monorepo");
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "init")).ExitCode);

        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var nix = NixCli.Require();
        var model = await nix.EvalJsonAsync(dir.Path, "procurator");
        Assert.True(model.ExitCode == 0, model.Stderr);
        using var json = JsonDocument.Parse(model.Stdout);
        Assert.Equal(["api", "migrate", "worker"], json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var shell = await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux.api", apply: "s: s.packages");
        Assert.True(shell.ExitCode == 0, shell.Stderr);
        Assert.Contains("nodejs_20", shell.Stdout, StringComparison.Ordinal);
        var all = await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux.default", apply: "s: s.packages");
        Assert.True(all.ExitCode == 0, all.Stderr);
    }

    [NixTheory]
    [InlineData("node-pnpm", "nodejs_20")]
    [InlineData("python-poetry", "python311")]
    [InlineData("rust-workspace", "rustc")]
    [InlineData("dotnet", "dotnet-sdk_8")]
    public async Task The_project_flake_of_a_single_repository_evaluates(string fixture, string package)
    {
        using var dir = DiscoveryFixtureTests.Copy(fixture);
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "init")).ExitCode);
        var nix = NixCli.Require();

        var model = await nix.EvalJsonAsync(dir.Path, "procurator");
        var shell = await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux.default", apply: "s: s.packages");
        var checks = await nix.EvalJsonAsync(dir.Path, "checks.x86_64-linux", apply: "cs: builtins.mapAttrs (n: c: c.text) cs");

        Assert.True(model.ExitCode == 0, model.Stderr);
        Assert.True(shell.ExitCode == 0, shell.Stderr);
        Assert.True(checks.ExitCode == 0, checks.Stderr);
        Assert.Contains(package, shell.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(model.Stdout);
        Assert.NotEmpty(json.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task A_folder_without_projects_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("README.md", "# nothing\n");

        var run = await CliRun.InAsync(dir.Path, "init");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no projects found", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["README.md"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_symlink_loop_ends_the_walk()
    {
        using var dir = DiscoveryFixtureTests.Copy("go");
        Directory.CreateSymbolicLink(dir.Combine("loop"), dir.Path);

        var run = await CliRun.InAsync(dir.Path, "init", "--dry-run");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task The_compose_seam_is_taken_from_the_cli_context()
    {
        using var dir = DiscoveryFixtureTests.Copy("monorepo");
        var stdout = new StringWriter { NewLine = "\n" };
        var cli = new CliContext(stdout, new StringWriter(), dir.Path) { ComposeServices = new FakeComposeSource() };

        var exit = await CliApp.RunAsync(["init", "--dry-run"], cli);

        Assert.Equal(1, exit); // the fake reports an error
        Assert.Contains("service db: image postgres:15, kind postgres, version 15, port 5432 (from compose.yaml)", stdout.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Stands in for the compose importer: one postgres service and one error, for every file.</summary>
    private sealed class FakeComposeSource : IComposeServiceSource
    {
        public List<string> Read { get; } = [];

        ComposeServices IComposeServiceSource.Read(string fullPath, string relativePath)
        {
            Read.Add(relativePath);
            var db = new DiscoveredService("db", "postgres", "postgres:15", "15", [5432], new Dictionary<string, string>(), null, [], new SourceRef(relativePath, 2));
            return new ComposeServices([db], [Diagnostic.Error("PRO099", "a compose problem", new SourceLocation(fullPath, 3, 5))]);
        }
    }
}
