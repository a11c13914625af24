using Procurator.Tests.Support;

namespace Procurator.Tests.Compose;

/// <summary><c>procurator import compose</c> through the real command line, in memory.</summary>
public sealed class ImportCommandTests
{
    private const string Compose = "services:\n  db:\n    image: postgres:16\n  api:\n    build: ./api\n    ports: [\"8080:8080\"]\n    depends_on:\n      db:\n        condition: service_healthy\n";

    [Fact]
    public async Task Json_is_the_default_and_goes_to_stdout()
    {
        using var workspace = new TempDirectory();
        workspace.Write("compose.yaml", Compose);

        var run = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.StartsWith("{\n  \"services\": [\n    {\n      \"name\": \"api\",", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"16\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_yaml_is_reported_at_its_line_and_nothing_is_written()
    {
        using var workspace = new TempDirectory();
        workspace.Write("compose.yaml", "services:\n  app:\n    image: x\n    image: y\n");

        var run = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "csx", "-o", "procurator.csx");

        Assert.Equal((1, "", "compose.yaml(4,5): error PRO026: duplicate key 'image'\n"), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.False(File.Exists(workspace.Combine("procurator.csx")));
    }

    [Fact]
    public async Task Missing_file_is_an_error()
    {
        using var workspace = new TempDirectory();
        var run = await CliRun.InAsync(workspace.Path, "import", "compose", "nope.yaml");
        Assert.Equal((1, "procurator: error PRO035: compose file 'nope.yaml' was not found\n"), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public async Task Existing_output_is_only_replaced_with_force()
    {
        using var workspace = new TempDirectory();
        workspace.Write("compose.yaml", Compose);
        workspace.Write("procurator.csx", "// mine\n");

        var refused = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "csx", "-o", "procurator.csx");
        Assert.Equal((1, "procurator.csx: exists; use --force to overwrite\n"), (refused.ExitCode, refused.Stderr));
        Assert.Equal("// mine\n", File.ReadAllText(workspace.Combine("procurator.csx")));

        var forced = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "csx", "-o", "procurator.csx", "--force");
        Assert.Equal((0, "wrote procurator.csx\n"), (forced.ExitCode, forced.Stdout));
    }

    [Fact]
    public async Task Unknown_format_is_a_usage_error()
    {
        using var workspace = new TempDirectory();
        var run = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "yaml");
        Assert.Equal(64, run.ExitCode);
    }

    [Fact]
    public async Task Csx_declares_projects_and_services_and_runs()
    {
        using var workspace = new TempDirectory();
        workspace.Write("compose.yaml", Compose);
        Directory.CreateDirectory(workspace.Combine("api"));

        var import = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "csx");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            "// Imported from compose.yaml by `procurator import compose`: a starting point, review it.\n"
            + "// Services that are built became projects; services that only run an image became services.\n\n"
            + "// depends on db: service_healthy\n"
            + "Project(\"api\", \"./api\")\n    .DependsOn(\"db\")\n    .Port(8080);\n\n"
            + "// image postgres:16\n"
            + "Service(\"db\")\n    .Kind(\"postgres\")\n    .Version(\"16\");\n",
            import.Stdout);
        workspace.Write("procurator.csx", import.Stdout);
        var run = await CliRun.InAsync(workspace.Path, "run", "procurator.csx");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Hostile_names_and_values_become_a_script_that_runs()
    {
        using var workspace = new TempDirectory();
        var compose = """
            services:
              My_Service.1:
                build: "./odd \"dir\""
                ports: ["8080:80", "8080:81"]
                environment:
                  QUOTES: "say \"hi\" \\ back\\slash"
                  NEWLINE: "a\nb\u2028c"
                  DOLLAR: "$${NOT} {0}"
                  bad.key: x
                  UNSET:
                depends_on: [default]
              default:
                image: "bitnami/postgresql:16.2.0-debian"
                ports: ["5432:5432", "5433:5432"]
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "it's me"]
              "2fast":
                image: "docker.io/library/redis:7"
                ports: ["8080:6379"]
            """;
        workspace.Write("compose.yaml", compose);

        var import = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "csx", "-o", "procurator.csx");
        Assert.True(import.ExitCode == 0, import.Stderr);
        var script = File.ReadAllText(workspace.Combine("procurator.csx"));
        Assert.Contains("Project(\"my-service-1\", \"./odd \\\"dir\\\"\")", script, StringComparison.Ordinal);
        Assert.Contains("Service(\"default-service\")", script, StringComparison.Ordinal);
        Assert.Contains("Service(\"service-2fast\")", script, StringComparison.Ordinal);
        Assert.Contains(".Env(\"NEWLINE\", \"a\\nb\\u2028c\")", script, StringComparison.Ordinal);

        var run = await CliRun.InAsync(workspace.Path, "eval", "procurator.csx", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Contains("say \\\"hi\\\" \\\\ back\\\\slash", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("${NOT} {0}", run.Stdout, StringComparison.Ordinal);
    }
}
