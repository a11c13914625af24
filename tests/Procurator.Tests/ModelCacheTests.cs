using Procurator.Rendering;
using Procurator.Scripting;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// The model cache: graph, impact, plan and run on an unchanged workspace read the model back
/// instead of evaluating; any change to what the model was made from is a miss, and the output
/// is the same with and without the cache.
/// </summary>
public sealed class ModelCacheTests
{
    private const string Shared = "static string Db() => \"postgres\";\n";

    private const string Script = """
        #load "shared.csx"
        Service(Db()).Version("15");
        Project("api", "./api").DependsOn(Db()).Port(8080).Process("web", "serve");
        Project("web", "./web").DependsOn("api").Port(8081);
        """;

    [Fact]
    public async Task Graph_on_a_warm_cache_reads_the_model_and_prints_the_same()
    {
        using var dir = Workspace();
        var uncached = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "--no-cache", "--format", "json");

        var first = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "-v", "--format", "json");
        var second = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "-v", "--format", "json");

        Assert.Contains("procurator: model cache miss; compile cache miss", first.Stderr);
        Assert.Contains("procurator: model cache hit; compile cache not used", second.Stderr);
        Assert.Equal((0, uncached.Stdout), (first.ExitCode, first.Stdout));
        Assert.Equal((0, uncached.Stdout), (second.ExitCode, second.Stdout));
        foreach (var command in new[] { new[] { "impact", "api" }, ["plan"], ["graph", "--format", "dot"] })
        {
            var hit = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), [.. command, "-v"]);
            var fresh = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), [.. command, "--no-cache"]);
            Assert.Contains("model cache hit", hit.Stderr);
            Assert.Equal((fresh.ExitCode, fresh.Stdout), (hit.ExitCode, hit.Stdout));
        }
    }

    [Theory]
    [InlineData("script")]
    [InlineData("load")]
    [InlineData("flake")]
    public async Task A_change_to_what_the_model_was_made_from_is_a_miss(string change)
    {
        using var dir = Workspace();
        Assert.Equal(0, (await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph")).ExitCode);
        switch (change)
        {
            case "script":
                dir.Write("procurator.csx", Script + "Project(\"extra\", \"./api\");\n");
                break;
            case "load":
                dir.Write("shared.csx", "static string Db() => \"redis\";\n");
                break;
            default:
                dir.Write("web/flake.nix", "{ outputs = { self }: { }; }\n");
                break;
        }

        var after = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "-v", "--format", "json");
        var fresh = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "--no-cache", "--format", "json");

        Assert.Contains("procurator: model cache miss", after.Stderr);
        Assert.Equal((0, fresh.Stdout), (after.ExitCode, after.Stdout));
        var run = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "run");
        var flake = await File.ReadAllTextAsync(dir.Combine("flake.nix"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(change == "flake", flake.Contains("url = \"path:./web\";", StringComparison.Ordinal));
        Assert.Equal(change == "load", (await File.ReadAllTextAsync(dir.Combine("procurator.json"))).Contains("\"redis\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_always_evaluates_so_a_script_reading_the_environment_is_never_stale()
    {
        using var dir = new TempDirectory();
        var variable = $"PROCURATOR_TEST_PORT_{Guid.NewGuid():N}";
        dir.Write("procurator.csx", $"Project(\"api\").Port(int.Parse(System.Environment.GetEnvironmentVariable(\"{variable}\")!));\n");
        var ports = new List<bool>();
        try
        {
            foreach (var port in new[] { "8080", "9090" })
            {
                Environment.SetEnvironmentVariable(variable, port);
                Assert.Equal(0, (await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "--format", "json")).ExitCode);
                Assert.Equal(0, (await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "run")).ExitCode);
                ports.Add((await File.ReadAllTextAsync(dir.Combine("procurator.json"))).Contains(port, StringComparison.Ordinal));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Equal([true, true], ports);
    }

    [Fact]
    public void Another_engine_build_is_a_miss()
    {
        using var dir = Workspace();
        var models = new ModelCache(dir.Combine("cache"));
        var options = new EvaluationOptions(new ScriptCache(dir.Combine("cache"), TimeProvider.System), EvaluationOptions.DefaultTimeout);
        var script = dir.Combine("procurator.csx");

        var first = WorkspaceLoader.Load(script, null, options, models);
        var again = WorkspaceLoader.Load(script, null, options, models);
        var otherEngine = WorkspaceLoader.Load(script, null, options with { Toolchain = Toolchain.Current with { Engine = Guid.NewGuid() } }, models);

        Assert.Equal(("miss", "hit", "miss"), (first.ModelCache, again.ModelCache, otherEngine.ModelCache));
        Assert.Equal(ModelJson.Serialize(first.Model!), ModelJson.Serialize(again.Model!));
        Assert.Equal([script, dir.Combine("shared.csx")], again.SourceFiles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_workspace_with_warnings_is_evaluated_every_time_so_they_are_printed()
    {
        using var dir = Workspace();
        dir.Write("procurator.csx", Script + "Project(\"gone\", \"./does-not-exist\");\n");

        await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph");
        var second = await CliRun.WithCacheAsync(dir.Path, dir.Combine("cache"), "graph", "-v");

        Assert.Contains("model cache miss", second.Stderr);
        Assert.Contains("warning PRO", second.Stderr);
    }

    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory("model-cache");
        dir.Write("shared.csx", Shared);
        dir.Write("procurator.csx", Script);
        dir.Write("api/README", "");
        dir.Write("web/README", "");
        return dir;
    }
}
