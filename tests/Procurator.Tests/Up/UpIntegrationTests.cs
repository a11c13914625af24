using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Procurator.Tests.Support;

namespace Procurator.Tests.Up;

/// <summary>
/// <c>procurator up</c> end to end, as a process, with real postgres and redis servers: start
/// order, readiness, task before process, logs, Ctrl-C, and nothing left running.
/// </summary>
public sealed partial class UpIntegrationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [RequiresToolFact("psql", "pg_isready", "redis-server", "redis-cli", "setsid")]
    public async Task Up_starts_postgres_and_redis_then_the_migration_then_the_process_and_Ctrl_C_stops_everything()
    {
        // Under /tmp (not a home folder): as root the preset runs postgres as the postgres user,
        // which must reach the data folder. A short folder name keeps postgres' socket path short.
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        var (pg, redis) = (FreePort(), FreePort());
        dir.Write("app/.keep", "");
        dir.Write("procurator.csx", $$"""
            Service("postgres").Version("15").Port({{pg}});
            Service("redis").Port({{redis}});
            Project("app", "./app").DependsOn("postgres", "redis")
               .Task("migrate", "psql -h $POSTGRES_HOST -p $POSTGRES_PORT -U postgres -c 'create table t(x int)'")
               .Process("web", "redis-cli -p $REDIS_PORT ping; psql -h 127.0.0.1 -p $POSTGRES_PORT -U postgres -Atc 'select count(*) from t'; exec sleep 1000");
            """);

        using var up = RunningCli.Start(dir.Path, StateIn(state.Path), "up", "--no-color");
        await up.WaitUntilAsync(c => c.Stderr.Contains("procurator: all ready", StringComparison.Ordinal), Deadline, "all ready");
        Assert.Contains($"procurator: starting app:migrate, app:web, postgres, redis; state in {state.Path}, logs in {state.Path}/logs\n", up.Stderr);
        await up.WaitUntilAsync(c => Said(c.Stdout, "app:web").Contains("0"), Deadline, "app:web printed the row count");
        var lines = Lines(up.Stdout);

        // Both servers were ready before the migration started, and it completed before the process started.
        var migrateStarts = Index(lines, "app:migrate", "-- Pending -> Starting");
        Assert.True(Index(lines, "postgres", "-- Running -> Ready") < migrateStarts, up.Stdout);
        Assert.True(Index(lines, "redis", "-- Running -> Ready") < migrateStarts, up.Stdout);
        Assert.True(Index(lines, "app:migrate", "-- Running -> Completed: exit 0") < Index(lines, "app:web", "-- Pending -> Starting"), up.Stdout);
        Assert.Contains("CREATE TABLE", Said(up.Stdout, "app:migrate"));
        Assert.Equal(["PONG", "0"], Said(up.Stdout, "app:web"));

        // Every unit has a log file with its lines (out) and the state changes (mgr), in the state directory.
        var logs = state.Combine("logs");
        Assert.Contains(" out PONG", File.ReadAllLines(Path.Combine(logs, "app:web.log")).Select(l => l[l.IndexOf(' ', StringComparison.Ordinal)..]));
        Assert.Contains(" out 0", File.ReadAllLines(Path.Combine(logs, "app:web.log")).Select(l => l[l.IndexOf(' ', StringComparison.Ordinal)..]));
        Assert.Contains(" out CREATE TABLE", File.ReadAllLines(Path.Combine(logs, "app:migrate.log")).Select(l => l[l.IndexOf(' ', StringComparison.Ordinal)..]));
        Assert.Contains(File.ReadAllLines(Path.Combine(logs, "postgres.log")), l => l.Contains(" mgr Running -> Ready: ", StringComparison.Ordinal));
        Assert.Contains(File.ReadAllLines(Path.Combine(logs, "redis.log")), l => l.Contains(" mgr Running -> Ready: ", StringComparison.Ordinal));
        Assert.True(File.Exists(state.Combine("data", "postgres", "PG_VERSION")));
        Assert.Equal(["app/.keep", "procurator.csx"], WorkspaceFiles(dir));

        // Ctrl-C: everything stops, dependents first, and the exit code is 0.
        up.Interrupt();
        Assert.Equal(0, await up.WaitForExitAsync(Deadline));
        Assert.Contains("procurator: everything stopped", up.Stderr);
        lines = Lines(up.Stdout);
        Assert.True(Index(lines, "app:web", "-- Stopping -> Stopped") < Index(lines, "postgres", "-- Ready -> Stopping"), up.Stdout);
        Assert.True(Index(lines, "app:web", "-- Stopping -> Stopped") < Index(lines, "redis", "-- Ready -> Stopping"), up.Stdout);

        var pids = SpawnedPid().Matches(up.Stdout).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, pids.Count);
        foreach (var pid in pids)
        {
            Assert.True(await GoneAsync(pid), $"pid {pid} still runs after up exited:\n{up.Stdout}");
        }
    }

    [RequiresToolFact("setsid")]
    public async Task Up_with_a_service_kind_without_preset_exits_1_and_starts_nothing()
    {
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        dir.Write("app/.keep", "");
        dir.Write("procurator.csx", """
            Service("q").Kind("kafka");
            Project("app", "./app").DependsOn("q").Process("web", "exec sleep 1000");
            """);

        using var up = RunningCli.Start(dir.Path, StateIn(state.Combine("s")), "up", "--no-color");
        var exitCode = await up.WaitForExitAsync(Deadline);

        Assert.Equal(1, exitCode);
        Assert.Contains("procurator.csx(1,1): error PRO070: service 'q': kind 'kafka' has no built-in preset (mariadb, memcached, mysql, nats, postgres, rabbitmq and redis do); give it a command, e.g. Service(\"q\").Command(\"…\")\n", up.Stderr);
        Assert.Contains("procurator: 1 error; nothing was started\n", up.Stderr);
        Assert.Equal("", up.Stdout);
        Assert.False(Directory.Exists(state.Combine("s")));
        Assert.Equal(["app/.keep", "procurator.csx"], WorkspaceFiles(dir));
    }

    [Fact]
    public async Task A_planning_problem_is_a_located_diagnostic_in_json_too_and_in_the_model_file_with_model()
    {
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        dir.Write("app/.keep", "");
        dir.Write("procurator.csx", """
            Project("app", "./app").DependsOn("q").Process("web", "exec sleep 1000");
            Service("q").Kind("kafka");
            """);

        using (var json = RunningCli.Start(dir.Path, StateIn(state.Combine("s")), "up", "--format", "json"))
        {
            Assert.Equal(1, await json.WaitForExitAsync(Deadline));
            using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
            var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal(("PRO070", 2, 1), (diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
            Assert.False(document.RootElement.GetProperty("ok").GetBoolean());
        }

        using (var run = RunningCli.Start(dir.Path, "run"))
        {
            Assert.Equal(0, await run.WaitForExitAsync(Deadline));
        }

        using var model = RunningCli.Start(dir.Path, StateIn(state.Combine("s")), "up", "--model", "procurator.json");
        Assert.Equal(1, await model.WaitForExitAsync(Deadline));
        var services = File.ReadAllLines(dir.Combine("procurator.json")).Select((text, index) => (text, line: index + 1))
            .First(l => l.text.Contains("\"name\": \"q\"", StringComparison.Ordinal));
        Assert.Contains($"procurator.json({services.line},{services.text.IndexOf("\"q\"", StringComparison.Ordinal) + 1}): error PRO070: service 'q': kind 'kafka'", model.Stderr);
        Assert.False(Directory.Exists(state.Combine("s")));
    }

    [RequiresToolFact("setsid")]
    public async Task Up_with_an_unknown_name_exits_64_naming_it()
    {
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        dir.Write("app/.keep", "");
        dir.Write("procurator.csx", """
            Project("app", "./app").Process("web", "exec sleep 1000");
            """);

        using var up = RunningCli.Start(dir.Path, StateIn(state.Combine("s")), "up", "--no-color", "nope");
        var exitCode = await up.WaitForExitAsync(Deadline);

        Assert.Equal(64, exitCode);
        Assert.Contains("procurator: error: no project, service or unit named 'nope'; known: app\n", up.Stderr);
        Assert.Equal("", up.Stdout);
        Assert.False(Directory.Exists(state.Combine("s")));
        Assert.Equal(["app/.keep", "procurator.csx"], WorkspaceFiles(dir));
    }

    [RequiresToolFact("setsid")]
    public async Task Up_says_once_that_an_old_procurator_folder_is_no_longer_used_and_leaves_it()
    {
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        dir.Write(".procurator/data/postgres/PG_VERSION", "15\n");
        dir.Write(".procurator/logs/app.log", "");
        dir.Write("procurator.csx", """
            Project("app", ".").Task("hello", "echo hello");
            """);

        using var up = RunningCli.Start(dir.Path, StateIn(state.Path), "up", "--no-color");
        var exitCode = await up.WaitForExitAsync(Deadline);

        Assert.True(exitCode == 0, up.Stderr);
        var warning = $"procurator: warning: .procurator/ is no longer used (state now lives in {state.Path}); you can delete it\n";
        Assert.StartsWith(warning, up.Stderr);
        Assert.Equal(2, up.Stderr.Split(warning).Length);
        Assert.Contains("app | hello", up.Stdout);
        Assert.True(File.Exists(state.Combine("logs", "app.log")));
        Assert.Equal("15\n", File.ReadAllText(dir.Combine(".procurator", "data", "postgres", "PG_VERSION")));
        Assert.Equal("", File.ReadAllText(dir.Combine(".procurator", "logs", "app.log")));
    }

    private static Dictionary<string, string> StateIn(string directory) => new() { ["PROCURATOR_STATE_DIR"] = directory };

    /// <summary>Every file under the workspace, relative and sorted: state must never land there.</summary>
    private static string[] WorkspaceFiles(TempDirectory dir) =>
        [.. Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.Path, f)).Order(StringComparer.Ordinal)];

    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Console lines as (unit, text).</summary>
    private static List<(string Unit, string Text)> Lines(string stdout) =>
        [.. stdout.Split('\n').Select(l => ConsoleLine().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    /// <summary>What a unit printed itself (not the manager's lines).</summary>
    private static List<string> Said(string stdout, string unit) =>
        [.. Lines(stdout).Where(l => l.Unit == unit && !l.Text.StartsWith("-- ", StringComparison.Ordinal)).Select(l => l.Text)];

    private static int Index(List<(string Unit, string Text)> lines, string unit, string textStart)
    {
        var index = lines.FindIndex(l => l.Unit == unit && l.Text.StartsWith(textStart, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line '{unit} | {textStart}...'");
        return index;
    }

    /// <summary>True once <paramref name="pid"/> no longer runs (gone, or a zombie about to be reaped).</summary>
    private static async Task<bool> GoneAsync(int pid)
    {
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < end)
        {
            string stat;
            try
            {
                stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return true;
            }

            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
                return true;
            await Task.Delay(50);
        }

        return false;
    }

    [GeneratedRegex(@"^(\S+)\s+\| (.*)$")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"\| -- Starting -> Running: spawned pid (\d+)$", RegexOptions.Multiline)]
    private static partial Regex SpawnedPid();
}
