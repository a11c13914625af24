using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The script host as a user meets it: errors at the right line, runaway scripts stopped, JSON for tools.</summary>
public sealed class ScriptHostTests
{
    [Fact]
    public async Task Exception_in_a_loaded_file_points_at_its_line_and_verbose_adds_the_trace()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "#load \"teams/ports.csx\"\nProject(\"api\").Port(Ports.For(\"api\"));\n");
        dir.Write("teams/ports.csx", "static class Ports\n{\n    public static int For(string name) =>\n        throw new InvalidOperationException($\"no port for {name}\");\n}\n");

        var run = await CliRun.InAsync(dir.Path, "validate");
        var verbose = await CliRun.InAsync(dir.Path, "validate", "-v");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "teams/ports.csx(4,9): error PRO0001: InvalidOperationException: no port for api\nprocurator: 1 error; nothing was written\n",
            run.Stderr);
        Assert.Contains("System.InvalidOperationException: no port for api\n   at Submission#0.Ports.For(String name) in ", verbose.Stderr);
    }

    [Fact]
    public async Task Json_format_gives_every_diagnostic_with_its_position()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\").DependsOn(\"postgress\");\nProject(\"web\").Port(0);\n");

        var run = await CliRun.InAsync(dir.Path, "validate", "--format", "json");

        Assert.Equal((1, ""), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("file").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(),
            d.GetProperty("severity").GetString(), d.GetProperty("code").GetString(), d.GetProperty("message").GetString())).ToArray();
        Assert.Equal(
            [
                ("procurator.csx", 1, 16, "error", "PRO001", "project 'api' depends on 'postgress', which is not declared; did you mean 'postgres'?"),
                ("procurator.csx", 2, 16, "error", "PRO005", "port 0 of project 'web' is out of range (1-65535)"),
            ],
            diagnostics);
    }

    [Fact]
    public async Task Json_format_of_a_good_run_lists_what_was_written()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\n");

        var run = await CliRun.InAsync(dir.Path, "run", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\n  \"ok\": true,\n  \"exitCode\": 0,\n  \"diagnostics\": [],\n  \"written\": [\n    \"flake.nix\",\n    \"procurator.json\",\n    \"procurator.visualize.sh\"\n  ]\n}\n", run.Stdout);
    }

    [Fact]
    public async Task Runaway_script_is_stopped_by_the_timeout_with_exit_code_2()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\nwhile (true) { }\n");

        var run = await ProcessRun.InAsync(dir.Path, null, "validate", "--timeout", "1", "--no-cache");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(
            "procurator.csx(1,1): error PRO020: the script did not finish within 1 s and was stopped (does it loop forever or wait on something?); raise the limit with --timeout SECONDS\n",
            run.Stderr);
    }

    [Fact]
    public async Task Cache_hit_does_not_load_the_compiler()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\").DependsOn(\"postgres\").Port(8080);\n");
        var cache = new Dictionary<string, string> { ["PROCURATOR_CACHE_DIR"] = dir.Combine("cache") };

        var cold = await ProcessRun.InAsync(dir.Path, cache, "run", "-v");
        var warm = await ProcessRun.InAsync(dir.Path, cache, "run", "-v");

        Assert.Equal((0, 0), (cold.ExitCode, warm.ExitCode));
        Assert.StartsWith($"procurator: compile cache miss ({dir.Combine("cache")}); compiler loaded;", cold.Stderr);
        Assert.StartsWith($"procurator: compile cache hit ({dir.Combine("cache")}); compiler not loaded;", warm.Stderr);
    }
}
