using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests.Control;

/// <summary><c>up -d</c>, <c>--wait</c> and the control commands, end to end with real processes.</summary>
public sealed class DetachedManagerTests : IDisposable
{
    private const string Ticker = "Project(\"ticker\", \".\").Process(\"run\", \"while true; do echo tick; sleep 0.2; done\");\n" +
        "Project(\"api\", \".\").Process(\"run\", \"echo api up; exec sleep 600\").DependsOn(\"ticker\");\n";

    private readonly string _workspace = Directory.CreateTempSubdirectory("procurator-ctl-").FullName;

    // Each test's own state directory (logs, manager.log), outside the workspace.
    private readonly string _state = Directory.CreateTempSubdirectory("procurator-ctl-state-").FullName;

    public void Dispose()
    {
        // Never leave a manager behind, whatever the test did.
        Cli("down").GetAwaiter().GetResult();
        Directory.Delete(_workspace, recursive: true);
        Directory.Delete(_state, recursive: true);
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Detached_manager_answers_status_logs_stop_start_restart_and_down()
    {
        Write(Ticker);
        var up = await Cli("up", "-d");
        Assert.True(up.ExitCode == 0, up.Stderr);
        Assert.Contains("procurator down", up.Stderr);
        Assert.Contains($"procurator: state in {_state} (unit logs in {_state}/logs, manager output in {_state}/manager.log)\n", up.Stderr);
        Assert.True(File.Exists(Paths.Socket));

        var status = await WaitForStatesAsync(("ticker", "ready"), ("api", "ready"));
        Assert.Equal(_workspace, status.GetProperty("workspace").GetString());
        Assert.Equal(_state, status.GetProperty("state").GetString());
        var text = await Cli("status");
        Assert.EndsWith($"\nstate: {_state} (logs in {_state}/logs)\n", text.Stdout);
        Assert.True(status.GetProperty("manager").GetProperty("pid").GetInt32() > 0);
        var api = UnitOf(status, "api");
        Assert.Equal("healthy", api.GetProperty("health").GetString());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("lastExit").ValueKind);
        var firstApiPid = api.GetProperty("pid").GetInt32();
        var pids = new List<int> { firstApiPid, UnitOf(status, "ticker").GetProperty("pid").GetInt32() };

        // logs -n 2: at most two lines per unit, prefixed like the console.
        await Task.Delay(600);
        var logs = await Cli("logs", "-n", "2", "--no-color");
        Assert.Equal(0, logs.ExitCode);
        var lines = logs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.StartsWith("ticker | ", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("api    | ", StringComparison.Ordinal)));

        // logs -f: new lines keep arriving.
        var followed = await FollowAsync(TimeSpan.FromSeconds(2), "logs", "-f", "ticker", "-n", "0", "--no-color");
        Assert.True(followed.Count(l => l == "ticker | tick") >= 4, string.Join('\n', followed));

        // stop, start, restart one unit.
        Assert.Equal(0, (await Cli("stop", "api")).ExitCode);
        Assert.Equal("stopped", State(await StatusAsync(), "api"));
        Assert.Equal(0, (await Cli("start", "api")).ExitCode);
        status = await WaitForStatesAsync(("api", "ready"));
        var secondApiPid = UnitOf(status, "api").GetProperty("pid").GetInt32();
        Assert.NotEqual(firstApiPid, secondApiPid);
        Assert.Equal(0, (await Cli("restart", "api")).ExitCode);
        status = await WaitForStatesAsync(("api", "ready"));
        var thirdApiPid = UnitOf(status, "api").GetProperty("pid").GetInt32();
        Assert.NotEqual(secondApiPid, thirdApiPid);
        Assert.Equal(2, UnitOf(status, "api").GetProperty("restarts").GetInt32());
        pids.AddRange([secondApiPid, thirdApiPid]);

        // down: blocks until everything stopped; the socket and every process are gone.
        var down = await Cli("down");
        Assert.True(down.ExitCode == 0, down.Stderr);
        Assert.Contains("everything stopped", down.Stderr);
        Assert.False(File.Exists(Paths.Socket));
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} still runs"));

        // The state stayed out of the workspace.
        Assert.Equal(["api.log", "manager.log", "ticker.log"], Directory.EnumerateFiles(_state, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["procurator.csx"], Directory.EnumerateFileSystemEntries(_workspace).Select(Path.GetFileName));

        var after = await Cli("status");
        Assert.Equal(1, after.ExitCode);
        Assert.Equal($"procurator: no manager running for {_workspace} (start one with procurator up -d)\n", after.Stderr);
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Killed_manager_leaves_nothing_a_new_up_cannot_recover()
    {
        Write(Ticker);
        Assert.Equal(0, (await Cli("up", "-d")).ExitCode);
        var status = await WaitForStatesAsync(("ticker", "ready"), ("api", "ready"));
        var manager = status.GetProperty("manager").GetProperty("pid").GetInt32();
        var units = new[] { UnitOf(status, "ticker").GetProperty("pid").GetInt32(), UnitOf(status, "api").GetProperty("pid").GetInt32() };

        Process.GetProcessById(manager).Kill();
        await EventuallyAsync(() => units.All(pid => !Directory.Exists($"/proc/{pid}")), "the guardian stops the units");
        Assert.True(File.Exists(Paths.Socket), "a SIGKILLed manager leaves its socket");
        Assert.False(ManagerLock.IsHeld(Paths.Lock));

        var again = await Cli("up", "-d");
        Assert.True(again.ExitCode == 0, again.Stderr);
        await WaitForStatesAsync(("ticker", "ready"), ("api", "ready"));
        Assert.Equal(0, (await Cli("down")).ExitCode);
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Up_wait_returns_once_ready()
    {
        Write(Ticker);
        var up = await Cli("up", "--wait");
        Assert.True(up.ExitCode == 0, up.Stderr);
        Assert.Contains("procurator: all ready", up.Stderr);
        Assert.Equal("ready", State(await StatusAsync(), "api"));
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Up_wait_fails_with_the_reason_chain()
    {
        // A failing migration: the project's process and its dependent are skipped, quickly (tasks never restart).
        Write("Project(\"api\", \".\").Task(\"migrate\", \"echo boom; exit 1\").Process(\"run\", \"sleep 600\");\n" +
              "Project(\"web\", \".\").Process(\"run\", \"sleep 600\").DependsOn(\"api\");\n");
        var up = await Cli("up", "--wait");
        Assert.Equal(1, up.ExitCode);
        Assert.Contains("procurator: web skipped: ", up.Stderr);
        Assert.Contains("procurator: api:migrate failed: exit 1: boom\n", up.Stderr);
        Assert.Equal("skipped", State(await StatusAsync(), "web"));
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Port_in_use_stops_the_unit_naming_the_holder()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // The default policy restarts on failure; a held port fails at once all the same.
        Write($"Project(\"db\", \".\").Port({port}).Process(\"run\", \"sleep 600\");\n");
        var up = await Cli("up", "--wait");
        Assert.Equal(1, up.ExitCode);
        Assert.Contains($"procurator: db failed: port {port} held by pid {Environment.ProcessId} (", up.Stderr);
        var db = UnitOf(await StatusAsync(), "db");
        Assert.Equal("failed", db.GetProperty("state").GetString());
        Assert.Equal(0, db.GetProperty("restarts").GetInt32());
        Assert.StartsWith($"port {port} held by pid {Environment.ProcessId} (", db.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, db.GetProperty("pid").ValueKind);
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Up_wait_prints_each_state_change_and_gives_up_after_its_timeout_naming_what_it_waited_for()
    {
        // Never ready: its port is declared but nothing listens on it.
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        Write($"Project(\"api\", \".\").Port({port}).Process(\"run\", \"sleep 600\");\n");

        var up = await Cli("up", "--wait", "--timeout", "3");

        Assert.Equal(1, up.ExitCode);
        Assert.Matches(@"procurator: api: (starting -> )?running: spawned pid \d+\n", up.Stderr);
        Assert.Contains("procurator: not ready after 3 s; still waiting for:\nprocurator: api running: spawned pid ", up.Stderr);
        Assert.Equal("running", State(await StatusAsync(), "api"));
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Status_cuts_the_reason_to_the_width_in_COLUMNS_and_json_keeps_it_whole()
    {
        var line = new string('x', 200);
        Write($"Project(\"api\", \".\").Task(\"migrate\", \"echo {line} >&2; exit 1\");\n");
        Assert.Equal(1, (await Cli("up", "--wait")).ExitCode);

        var status = await ProcessRun.InAsync(_workspace, new Dictionary<string, string>(StateEnvironment) { ["COLUMNS"] = "120" }, "status");

        var row = status.Stdout.Split('\n').Single(l => l.StartsWith("api", StringComparison.Ordinal));
        Assert.Equal(120, row.Length);
        Assert.Matches(@"  exit 1: x+…$", row);
        Assert.Equal($"exit 1: {line}", UnitOf(await StatusAsync(), "api").GetProperty("reason").GetString());
    }

    [RequiresToolFact("flock", "sleep")]
    public async Task Lock_is_released_when_its_holder_dies()
    {
        var path = Path.Combine(_workspace, "held.lock");
        File.WriteAllText(path, "");
        using var holder = Process.Start("flock", ["-o", "-x", path, "sleep", "60"]);
        await EventuallyAsync(() => ManagerLock.IsHeld(path), "flock takes the lock");
        Assert.Null(ManagerLock.TryAcquire(path));
        holder.Kill();
        await holder.WaitForExitAsync();
        using var taken = ManagerLock.TryAcquire(path);
        Assert.NotNull(taken);
    }

    private ControlPaths Paths => ControlPaths.For(_workspace);

    private void Write(string script) => File.WriteAllText(Path.Combine(_workspace, "procurator.csx"), script);

    private Task<ProcessRun> Cli(params string[] args) => ProcessRun.InAsync(_workspace, StateEnvironment, args);

    private Dictionary<string, string> StateEnvironment => new() { [StatePaths.Variable] = _state };

    private async Task<JsonElement> StatusAsync()
    {
        var run = await Cli("status", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.Clone();
    }

    private async Task<JsonElement> WaitForStatesAsync(params (string Unit, string State)[] wanted)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync();
            if (wanted.All(w => State(status, w.Unit) == w.State))
            {
                return status;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"states not reached: {status}");
            await Task.Delay(200);
        }
    }

    private static JsonElement UnitOf(JsonElement status, string name) =>
        status.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == name);

    private static string? State(JsonElement status, string name) => UnitOf(status, name).GetProperty("state").GetString();

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"timed out: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs a following command for <paramref name="duration"/>, then kills it; returns its stdout lines.</summary>
    private async Task<List<string>> FollowAsync(TimeSpan duration, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProcessRun.CliAssembly);
        start.Environment[StatePaths.Variable] = _state;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        });
        // Give the process time to start (JIT), then watch for the duration.
        await EventuallyAsync(() => { lock (lines) { return lines.Count > 0; } }, "the first followed line");
        await Task.Delay(duration);
        process.Kill();
        await process.WaitForExitAsync();
        await reading;
        lock (lines)
        {
            return [.. lines];
        }
    }
}
