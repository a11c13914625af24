using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Procurator.Cli.Commands.Control;
using Procurator.Model;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Tests.Support;

namespace Procurator.Tests.Control;

public sealed class ControlProtocolTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);

    private static StatusReport Sample() => new(
        "/work/shop",
        "/home/me/.local/state/procurator/shop-0123456789abcdef",
        new ManagerReport(100, At),
        [
            new UnitReport("postgres", "ready", "healthy", 123, At, 3725, 0, null, [5432], "ready: connected"),
            new UnitReport("api", "gave-up", "-", null, At, null, 10, new ExitReport(1, null), [8080, 8081], "exit 1 \"boom\""),
            new UnitReport("web", "skipped", "-", null, null, null, 0, new ExitReport(null, 9), [], "api gave up: exit 1 \"boom\""),
        ],
        [new ProblemReport("/work/shop/procurator.csx", 3, 1, "error", "PRO070", "service 'q': kind 'kafka' has no built-in preset")]);

    [Fact]
    public void Request_is_one_camel_case_line_without_nulls()
    {
        Assert.Equal("{\"command\":\"restart\",\"units\":[\"api\"]}", ControlJson.Line(new ControlRequest("restart", ["api"])));
        Assert.Equal("{\"command\":\"status\"}", ControlJson.Line(new ControlRequest("status")));
        Assert.Equal(new ControlRequest("down"), ControlJson.ParseRequest("{\"command\":\"down\"}"));
    }

    [Fact]
    public void Response_round_trips_with_status_and_event()
    {
        var response = new ControlResponse { Done = true, Status = Sample(), Failures = ["web skipped: api gave up: exit 1 \"boom\""] };
        var line = ControlJson.Line(response);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"reason\":\"exit 1 \\\"boom\\\"\"", line);
        var back = ControlJson.ParseResponse(line);
        Assert.True(back.Done);
        Assert.Equal(Sample().Units, back.Status!.Units, (a, b) => a.Name == b.Name && a.LastExit == b.LastExit && a.Ports.SequenceEqual(b.Ports) && a.Pid == b.Pid);
        Assert.Equal(response.Failures, back.Failures);

        var change = new EventReport("api", "running", "ready", 2, 123, "ready: HTTP 200", At);
        Assert.Equal(
            "{\"unit\":\"api\",\"from\":\"running\",\"to\":\"ready\",\"generation\":2,\"pid\":123,\"reason\":\"ready: HTTP 200\",\"at\":\"2025-01-31T10:00:00+00:00\"}",
            ControlJson.Report(change));
    }

    [Fact]
    public void Status_json_writes_nulls_and_the_documented_fields()
    {
        using var json = JsonDocument.Parse(ControlJson.Report(Sample()));
        var root = json.RootElement;
        Assert.Equal(["workspace", "state", "manager", "units", "problems"], root.EnumerateObject().Select(p => p.Name).ToArray());
        var problem = root.GetProperty("problems")[0];
        Assert.Equal(["file", "line", "column", "severity", "code", "message"], problem.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(("/work/shop/procurator.csx", 3, "error", "PRO070"),
            (problem.GetProperty("file").GetString(), problem.GetProperty("line").GetInt32(), problem.GetProperty("severity").GetString(), problem.GetProperty("code").GetString()));
        Assert.Equal("/work/shop", root.GetProperty("workspace").GetString());
        Assert.Equal("/home/me/.local/state/procurator/shop-0123456789abcdef", root.GetProperty("state").GetString());
        Assert.Equal(100, root.GetProperty("manager").GetProperty("pid").GetInt32());
        var web = root.GetProperty("units")[2];
        Assert.Equal(
            ["name", "state", "health", "pid", "startedAt", "uptimeSeconds", "restarts", "lastExit", "ports", "reason"],
            web.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, web.GetProperty("pid").ValueKind);
        Assert.Equal(9, web.GetProperty("lastExit").GetProperty("signal").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("units")[0].GetProperty("lastExit").ValueKind);
    }

    [Fact]
    public void State_names_are_kebab_case()
    {
        Assert.Equal("gave-up", ControlJson.StateName(UnitState.GaveUp));
        Assert.Equal("blocked", ControlJson.StateName(UnitState.Blocked));
        Assert.Equal("ready", ControlJson.StateName(UnitState.Ready));
    }

    [Fact]
    public void Status_table_aligns_columns_and_leaves_the_reason_last()
    {
        Assert.Equal(
            "NAME      STATE    HEALTH   PID  UPTIME  RESTARTS  LAST EXIT  PORTS      REASON\n" +
            "postgres  ready    healthy  123  1h02m   0         -          5432       ready: connected\n" +
            "api       gave-up  -        -    -       10        1          8080,8081  exit 1 \"boom\"\n" +
            "web       skipped  -        -    -       0         signal 9   -          api gave up: exit 1 \"boom\"\n",
            StatusTable.Format(Sample()));
    }

    [Fact]
    public void Status_text_ends_with_where_the_state_and_logs_are()
    {
        Assert.Equal(
            "\nstate: /home/me/.local/state/procurator/shop-0123456789abcdef (logs in /home/me/.local/state/procurator/shop-0123456789abcdef/logs)\n",
            StatusTable.StateLine(Sample()));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(65, "1m05s")]
    [InlineData(7260, "2h01m")]
    [InlineData(90000, "1d01h")]
    public void Uptime_is_short(long seconds, string expected) => Assert.Equal(expected, StatusTable.Uptime(seconds));

    [Fact]
    public void Log_file_lines_are_parsed()
    {
        var line = LogFiles.ParseLine("api", "2025-01-31T10:00:00.123Z err something broke")!;
        Assert.Equal(new LogLine("api", At.AddMilliseconds(123), LogStream.Stderr, "something broke"), line);
        Assert.Null(LogFiles.ParseLine("api", "garbage"));
    }

    [Fact]
    public void Socket_path_is_short_and_keyed_by_the_workspace()
    {
        var deep = "/" + string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 20));
        var paths = ControlPaths.For(deep, "/run/user/1000", 1000);
        Assert.Matches(@"^/run/user/1000/procurator/[0-9a-f]{16}\.sock$", paths.Socket);
        Assert.True(paths.Socket.Length < 100);
        Assert.Equal(Path.ChangeExtension(paths.Socket, ".lock"), paths.Lock);
        Assert.Matches(@"^/tmp/procurator-1000/[0-9a-f]{16}\.sock$", ControlPaths.For(deep, null, 1000).Socket);
        Assert.NotEqual(paths.Socket, ControlPaths.For(deep + "2", "/run/user/1000", 1000).Socket);
        Assert.Equal(paths.Socket, ControlPaths.For(deep + "/", "/run/user/1000", 1000).Socket);
    }

    [Fact]
    public void Lock_is_exclusive_until_released()
    {
        var path = Path.Combine(Path.GetTempPath(), $"procurator-lock-{Guid.NewGuid():N}.lock");
        try
        {
            using (var first = ManagerLock.TryAcquire(path))
            {
                Assert.NotNull(first);
                Assert.Null(ManagerLock.TryAcquire(path));
                Assert.True(ManagerLock.IsHeld(path));
            }

            Assert.False(ManagerLock.IsHeld(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Port_check_fails_the_spawn_with_the_message()
    {
        var runner = new PortCheckingRunner(new NeverRunner(), [Unit("db", 5432)], port => port == 5432 ? "port 5432 held by pid 7 (postgres)" : null);
        var error = Assert.Throws<ProcessStartException>(() => runner.Start("db", Unit("db", 5432).Command, new CombinedSink()));
        Assert.Equal("port 5432 held by pid 7 (postgres)", error.Message);
    }

    [ProcNetFact]
    public void Port_holder_is_named_from_proc()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Assert.StartsWith($"port {port} held by pid {Environment.ProcessId} (", PortOwners.Conflict(port));
        listener.Stop();
        Assert.Null(PortOwners.Conflict(port));
    }

    private static UnitSpec Unit(string name, int port) => new(
        name, UnitRole.Service, CommandSpec.Shell("true", "/", new Dictionary<string, string>()), [], null, null,
        RestartPolicy.For(RestartMode.No), UnitSpec.DefaultStartupTimeout, UnitSpec.DefaultStopGracePeriod, [port]);

    private sealed class NeverRunner : IProcessRunner
    {
        public IRunningProcess Start(string unitName, CommandSpec command, ILogSink output) => throw new InvalidOperationException("must not spawn");
    }
}
