using Microsoft.Extensions.Time.Testing;
using Procurator.Scripting;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The compile cache: hits, misses, invalidation, races, unwritable folders and pruning.</summary>
public sealed class ScriptCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Second_run_is_a_hit_and_gives_the_same_model()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\").DependsOn(\"postgres\").Port(8080);\n");
        var options = Options(dir);

        var first = await LoadAsync(dir, options);
        var second = await LoadAsync(dir, options);

        Assert.Equal(("miss", "hit"), (first.Cache, second.Cache));
        Assert.Equal(Rendering.ModelJson.Serialize(first.Model!), Rendering.ModelJson.Serialize(second.Model!));
    }

    [Fact]
    public async Task Changing_the_script_or_a_loaded_file_is_a_miss()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "#load \"lib/shared.csx\"\nProject(\"api\").Port(Shared.Port);\n");
        dir.Write("lib/shared.csx", "static class Shared { public const int Port = 8080; }\n");
        var options = Options(dir);
        Assert.Equal("miss", (await LoadAsync(dir, options)).Cache);
        Assert.Equal("hit", (await LoadAsync(dir, options)).Cache);

        dir.Write("lib/shared.csx", "static class Shared { public const int Port = 9090; }\n");
        var afterLoadChange = await LoadAsync(dir, options);
        dir.Write("procurator.csx", "#load \"lib/shared.csx\"\nProject(\"web\").Port(Shared.Port);\n");
        var afterScriptChange = await LoadAsync(dir, options);

        Assert.Equal("miss", afterLoadChange.Cache);
        Assert.Equal([9090], afterLoadChange.Model!.Projects[0].Ports);
        Assert.Equal("miss", afterScriptChange.Cache);
        Assert.Equal("web", afterScriptChange.Model!.Projects[0].Name);
        Assert.Equal("hit", (await LoadAsync(dir, options)).Cache);
    }

    [Fact]
    public async Task Another_SDK_build_is_a_miss()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\n");
        var options = Options(dir);
        await LoadAsync(dir, options);

        var otherSdk = options with { Toolchain = Toolchain.Current with { Sdk = Guid.NewGuid() } };

        Assert.Equal("miss", (await LoadAsync(dir, otherSdk)).Cache);
        Assert.Equal("hit", (await LoadAsync(dir, options)).Cache);
    }

    [Fact]
    public async Task Concurrent_runs_all_succeed_and_leave_one_valid_entry()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\").DependsOn(\"redis\").Port(8080);\nProject(\"web\").DependsOn(\"api\");\n");
        var options = Options(dir);

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => LoadAsync(dir, options))));

        Assert.All(runs, r => Assert.Equal(["api", "web"], r.Model!.Projects.Select(p => p.Name)));
        Assert.Single(Directory.GetFiles(dir.Combine("cache", "scripts-v2"), "*.manifest"));
        Assert.Empty(Directory.GetFiles(dir.Combine("cache", "scripts-v2"), "*.tmp"));
        Assert.Equal("hit", (await LoadAsync(dir, options)).Cache);
    }

    [Fact]
    public async Task Unwritable_cache_folder_falls_back_to_memory_without_error()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\n");
        dir.Write("not-a-folder", "a file where the cache folder should be");
        var options = new EvaluationOptions(new ScriptCache(dir.Combine("not-a-folder", "cache"), _clock), EvaluationOptions.DefaultTimeout);

        var first = await LoadAsync(dir, options);
        var second = await LoadAsync(dir, options);

        Assert.Empty(first.Diagnostics);
        Assert.Equal(("miss", "miss"), (first.Cache, second.Cache));
        Assert.Equal("api", second.Model!.Projects[0].Name);
    }

    [Fact]
    public async Task Entries_unused_for_30_days_are_pruned_and_used_ones_kept()
    {
        using var dir = new TempDirectory();
        dir.Write("old/procurator.csx", "Project(\"old\");\n");
        dir.Write("used/procurator.csx", "Project(\"used\");\n");
        var cache = new ScriptCache(dir.Combine("cache"), _clock);
        var options = new EvaluationOptions(cache, EvaluationOptions.DefaultTimeout);
        WorkspaceLoader.Load(dir.Combine("old", "procurator.csx"), null, options);
        WorkspaceLoader.Load(dir.Combine("used", "procurator.csx"), null, options);

        _clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal("hit", (WorkspaceLoader.Load(dir.Combine("used", "procurator.csx"), null, options)).Cache);
        _clock.Advance(TimeSpan.FromDays(11));
        cache.PruneIfDue();

        Assert.Equal("miss", (WorkspaceLoader.Load(dir.Combine("old", "procurator.csx"), null, options)).Cache);
        Assert.Equal("hit", (WorkspaceLoader.Load(dir.Combine("used", "procurator.csx"), null, options)).Cache);
    }

    [Fact]
    public async Task Cache_clear_removes_every_entry()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\n");
        var cacheDir = dir.Combine("cache");
        Assert.Equal(0, (await CliRun.WithCacheAsync(dir.Path, cacheDir, "validate")).ExitCode);

        var clear = await CliRun.WithCacheAsync(dir.Path, cacheDir, "cache", "clear");
        var verbose = await CliRun.WithCacheAsync(dir.Path, cacheDir, "validate", "-v");

        Assert.Equal($"removed 1 compiled script from {cacheDir}\n", clear.Stdout);
        Assert.StartsWith($"procurator: compile cache miss ({cacheDir}); compiler loaded;", verbose.Stderr);
    }

    [Fact]
    public async Task No_cache_flag_neither_reads_nor_writes_the_cache()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\");\n");
        var cacheDir = dir.Combine("cache");

        var run = await CliRun.WithCacheAsync(dir.Path, cacheDir, "validate", "--no-cache", "-v");

        Assert.StartsWith("procurator: compile cache off;", run.Stderr);
        Assert.False(Directory.Exists(cacheDir));
    }

    private EvaluationOptions Options(TempDirectory dir) =>
        new(new ScriptCache(dir.Combine("cache"), _clock), EvaluationOptions.DefaultTimeout);

    private static Task<LoadResult> LoadAsync(TempDirectory dir, EvaluationOptions options) =>
        Task.Run(() => WorkspaceLoader.Load(dir.Combine("procurator.csx"), null, options));
}
