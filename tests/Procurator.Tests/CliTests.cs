using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The command line in memory: exit codes, writes and what a failed run leaves behind.</summary>
public sealed class CliTests
{
    private const string Valid = "Project(\"api\").DependsOn(\"postgres\").Port(8080);\n";

    [Fact]
    public async Task Failed_run_leaves_existing_files_byte_identical()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        var flake = File.ReadAllBytes(dir.Combine("flake.nix"));
        var json = File.ReadAllBytes(dir.Combine("procurator.json"));

        dir.Write("procurator.csx", Valid + "Project(\"web\").DependsOn(\"nope\");\n");
        var failed = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(flake, File.ReadAllBytes(dir.Combine("flake.nix")));
        Assert.Equal(json, File.ReadAllBytes(dir.Combine("procurator.json")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Script_that_does_not_compile_exits_2_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("flake.nix", "{ }\n");
        dir.Write("procurator.csx", "Project(\"api\").Port(\"8080\");\n");

        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procurator.csx(1,21): error CS1503:", run.Stderr);
        Assert.Equal("{ }\n", File.ReadAllText(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task Check_reports_drift_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);

        var clean = await CliRun.InAsync(dir.Path, "run", "--check");
        Assert.Equal((0, "flake.nix and procurator.json are up to date\n"), (clean.ExitCode, clean.Stdout));

        // A port is in procurator.json and in the visualize app's html page (procurator.visualize.sh), not in flake.nix.
        dir.Write("procurator.csx", Valid.Replace("8080", "8081", StringComparison.Ordinal));
        var before = (File.ReadAllText(dir.Combine("flake.nix")), File.ReadAllText(dir.Combine("procurator.json")));
        var drifted = await CliRun.InAsync(dir.Path, "run", "--check");

        Assert.Equal(1, drifted.ExitCode);
        Assert.Equal(
            "procurator.json: out of date; run `procurator run procurator.csx` to regenerate it\n"
            + "procurator.visualize.sh: out of date; run `procurator run procurator.csx` to regenerate it\n",
            drifted.Stderr);
        Assert.Equal(before, (File.ReadAllText(dir.Combine("flake.nix")), File.ReadAllText(dir.Combine("procurator.json"))));
    }

    [Fact]
    public async Task Check_without_generated_files_reports_both_missing()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);

        var run = await CliRun.InAsync(dir.Path, "run", "--check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("flake.nix: out of date", run.Stderr);
        Assert.Contains("procurator.json: out of date", run.Stderr);
        Assert.False(File.Exists(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task Output_folder_gets_the_files_with_project_paths_relative_to_it()
    {
        using var dir = new TempDirectory();
        dir.Write("ws/procurator.csx", "Project(\"api\", \"../code/api\");\n");
        dir.Write("code/api/flake.nix", "{ outputs = { self }: { }; }\n");

        var run = await CliRun.InAsync(dir.Path, "run", "ws/procurator.csx", "-o", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("url = \"path:./code/api\";", File.ReadAllText(dir.Combine("flake.nix")));
        Assert.Contains("\"path\": \"./code/api\"", File.ReadAllText(dir.Combine("procurator.json")));
        Assert.False(File.Exists(dir.Combine("ws", "flake.nix")));
    }

    [Fact]
    public async Task Project_flake_outside_the_output_folder_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("ws/procurator.csx", "Project(\"api\", \"../code/api\");\n");
        dir.Write("code/api/flake.nix", "{ outputs = { self }: { }; }\n");

        var run = await CliRun.InAsync(dir.Combine("ws"), "run");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("procurator.csx(1,1): error PRO014: project 'api' has a flake.nix outside the workspace folder", run.Stderr);
    }

    [Fact]
    public async Task Missing_script_is_reported()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procurator: error PRO019: script 'procurator.csx' was not found", run.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("graph", "--help")]
    [InlineData("check", "--help")]
    [InlineData("ci", "github", "--help")]
    public async Task Help_is_everywhere_and_exits_0(params string[] args)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, args);

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Contains("Usage:", run.Stdout);
    }

    [Fact]
    public async Task Help_lists_every_command_though_a_run_builds_only_its_own()
    {
        using var dir = new TempDirectory();

        var help = await CliRun.InAsync(dir.Path, "--help");

        string[] commands =
        [
            "run", "validate", "eval", "cache", "init", "graph", "impact", "affected", "plan", "check", "ci", "up",
            "import", "status", "logs", "start", "stop", "restart", "down", "events",
        ];
        Assert.All(commands, name => Assert.Matches($"(?m)^  {name} ", help.Stdout));
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Stdout);
    }

    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("run", "a.csx", "b.csx")]
    public async Task Usage_errors_exit_64(params string[] args)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, args);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("Run 'procurator --help' for usage.", run.Stderr);
    }

    [Fact]
    public async Task Validate_writes_nothing_and_eval_prints_the_model()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);

        var validate = await CliRun.InAsync(dir.Path, "validate");
        var eval = await CliRun.InAsync(dir.Path, "eval", "--json");

        Assert.Equal((0, "procurator.csx: valid (1 projects, 1 services)\n"), (validate.ExitCode, validate.Stdout));
        Assert.False(File.Exists(dir.Combine("flake.nix")));
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("\"dependsOn\": [\n        \"postgres\"\n      ]", eval.Stdout);
    }

    [Fact]
    public async Task Templates_folder_overrides_the_built_in_template()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        dir.Write("tpl/flake.nix.scriban", "# custom\n{ description = {{ description }}; outputs = _: { }; }\n");

        var run = await CliRun.InAsync(dir.Path, "run", "--templates", "tpl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("# custom\n{ description = \"workspace: a Procurator workspace\"; outputs = _: { }; }\n", File.ReadAllText(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task Broken_template_exits_70_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        dir.Write("tpl/flake.nix.scriban", "{{ for x in }}");

        var run = await CliRun.InAsync(dir.Path, "run", "--templates", "tpl");

        Assert.Equal(70, run.ExitCode);
        Assert.Contains("has errors", run.Stderr);
        Assert.False(File.Exists(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task Templates_from_the_folder_may_call_Scriban_builtins()
    {
        // The embedded templates render without Scriban's builtins (they cost a warm run
        // dearly); a user's template gets them all.
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        dir.Write("tpl/flake.nix.scriban", "# {{ \"custom\" | string.upcase }} {{ array.size shells }}\n{ }\n");

        var run = await CliRun.InAsync(dir.Path, "run", "--templates", "tpl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("# CUSTOM 2\n{ }\n", File.ReadAllText(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task A_generated_flake_that_does_not_parse_exits_70_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        dir.Write("flake.nix", "# the old one\n{ }\n");
        dir.Write("tpl/flake.nix.scriban", "{\n  description = {{ description }};\n  outputs = _: {\n");

        var run = await CliRun.InAsync(dir.Path, "run", "--templates", "tpl");

        Assert.Equal(70, run.ExitCode);
        Assert.Equal(
            "procurator: error: generated flake.nix does not parse as Nix at line 4, column 1: unexpected end of file, expecting '}'; nothing was written\n",
            run.Stderr);
        Assert.Equal("# the old one\n{ }\n", File.ReadAllText(dir.Combine("flake.nix")));
        Assert.False(File.Exists(dir.Combine("procurator.json")));
    }

    [Fact]
    public async Task Template_failing_while_rendering_exits_70_names_it_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);
        dir.Write("tpl/flake.nix.scriban", "{{ no_such_variable }}");

        var run = await CliRun.InAsync(dir.Path, "run", "--templates", "tpl");

        Assert.Equal(70, run.ExitCode);
        Assert.Contains("flake.nix.scriban' failed to render", run.Stderr);
        Assert.False(File.Exists(dir.Combine("flake.nix")));
    }

    [Theory]
    [InlineData("abc", "Cannot parse argument 'abc' for option '--timeout'")]
    [InlineData("0", "--timeout must be a positive number of seconds, at most 2000000.")]
    [InlineData("-5", "--timeout must be a positive number of seconds, at most 2000000.")]
    [InlineData("NaN", "--timeout must be a positive number of seconds, at most 2000000.")]
    [InlineData("1e9", "--timeout must be a positive number of seconds, at most 2000000.")]
    public async Task Bad_timeout_is_a_usage_error(string value, string message)
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);

        var run = await CliRun.InAsync(dir.Path, "validate", "--timeout", value);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public async Task Fractional_timeout_is_accepted()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", Valid);

        var run = await CliRun.InAsync(dir.Path, "validate", "--timeout", "2.5");

        Assert.Equal(0, run.ExitCode);
    }
}
