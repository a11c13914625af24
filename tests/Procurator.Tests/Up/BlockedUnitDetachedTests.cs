using System.Text.Json;
using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests.Up;

/// <summary><c>up --wait</c> and <c>up -d</c> with a unit that cannot run here: the rest starts, and the launcher says why at once.</summary>
public sealed class BlockedUnitDetachedTests : IDisposable
{
    private const string Script = """
        Service("q").Kind("kafka");
        Project("app", ".").DependsOn("q").Process("web", "exec sleep 600");
        Project("docs", ".").Process("site", "exec sleep 600");
        """;

    private readonly string _workspace = Directory.CreateTempSubdirectory("procurator-blocked-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("procurator-blocked-state-").FullName;

    public void Dispose()
    {
        // Never leave a manager behind, whatever the test did.
        Cli("down").GetAwaiter().GetResult();
        Directory.Delete(_workspace, recursive: true);
        Directory.Delete(_state, recursive: true);
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Up_wait_exits_1_as_soon_as_the_rest_is_ready_naming_the_blocked_unit_and_its_dependent()
    {
        File.WriteAllText(Path.Combine(_workspace, "procurator.csx"), Script);

        var wait = await Cli("up", "--wait", "--timeout", "100");

        Assert.Equal(1, wait.ExitCode);
        Assert.True(wait.Elapsed < TimeSpan.FromSeconds(60), $"took {wait.Elapsed}");
        Assert.Single(wait.Stderr.Split('\n'), l => l == $"procurator.csx(1,1): error PRO070: {BlockedUnits.NoPreset}");
        // As a change, or (when the answer overtook the change) as where it is now.
        Assert.Contains(wait.Stderr.Split('\n'), l => l is "procurator: docs: running -> ready: running 1s, no readiness probe" or "procurator: docs: ready: running 1s, no readiness probe");
        Assert.Contains($"procurator: q blocked: {BlockedUnits.NoPreset}\n", wait.Stderr);
        Assert.Contains($"procurator: app skipped: q blocked: {BlockedUnits.NoPreset}\n", wait.Stderr);
        Assert.DoesNotContain("not ready after", wait.Stderr);
        Assert.Equal("", wait.Stdout);
        var status = await Cli("status", "--json");
        using (var report = JsonDocument.Parse(status.Stdout))
        {
            // The rest became ready before the wait answered.
            Assert.Equal(["app skipped", "docs ready", "q blocked"],
                report.RootElement.GetProperty("units").EnumerateArray().Select(u => $"{u.GetProperty("name").GetString()} {u.GetProperty("state").GetString()}").Order(StringComparer.Ordinal));
        }

        // The same with --format json: one object on stdout, the diagnostic as an error.
        Assert.Equal(0, (await Cli("down")).ExitCode);
        var json = await Cli("up", "--wait", "--format", "json");
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal((false, 1), (document.RootElement.GetProperty("ok").GetBoolean(), document.RootElement.GetProperty("exitCode").GetInt32()));
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("procurator.csx", 1, 1, "error", "PRO070"),
            (diagnostic.GetProperty("file").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(),
             diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("code").GetString()));
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Up_detached_relays_the_located_diagnostic_and_keeps_the_rest_running()
    {
        File.WriteAllText(Path.Combine(_workspace, "procurator.csx"), Script);

        var up = await Cli("up", "-d");

        Assert.True(up.ExitCode == 0, up.Stderr);
        Assert.StartsWith($"procurator.csx(1,1): error PRO070: {BlockedUnits.NoPreset}\nprocurator: manager running in the background", up.Stderr);
        var start = await Cli("start", "app");
        Assert.Equal(1, start.ExitCode);
        Assert.Contains($"procurator: error: app cannot start: it depends on q, which cannot start: {BlockedUnits.NoPreset}\n", start.Stderr);
        var status = await Cli("status");
        Assert.Contains("blocked", status.Stdout);
    }

    private Task<ProcessRun> Cli(params string[] args) => ProcessRun.InAsync(_workspace, new Dictionary<string, string> { [StatePaths.Variable] = _state }, args);
}
