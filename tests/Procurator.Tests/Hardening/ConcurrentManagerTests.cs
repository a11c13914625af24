using System.Net.Sockets;
using System.Text.RegularExpressions;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 17: five concurrent <c>up -d</c> on one workspace start one manager and every
/// client names that manager's pid (four named their own daemon, dead after losing the lock); a
/// manager that accepts but never answers (SIGSTOP) makes clients stop after a timeout with a
/// message (they hung for ever); a log file removed while its unit runs is started again, saying so
/// (every later line was lost without a word).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ConcurrentManagerTests : IDisposable
{
    private readonly TempDirectory _workspace = new();
    private readonly TempDirectory _runtime = new("runtime");
    private readonly TempDirectory _state = new("state");

    private Dictionary<string, string> Environment => new() { ["XDG_RUNTIME_DIR"] = _runtime.Path, [StatePaths.Variable] = _state.Path };

    public void Dispose()
    {
        ProcessRun.InAsync(_workspace.Path, Environment, "down").GetAwaiter().GetResult(); // never leave a manager behind
        _workspace.Dispose();
        _runtime.Dispose();
        _state.Dispose();
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task Five_concurrent_up_d_start_one_manager_and_all_name_its_pid()
    {
        _workspace.Write("procurator.csx", "Project(\"p\", \".\").Process(\"web\", \"exec sleep 600\");\n");
        Assert.Equal(0, (await ProcessRun.InAsync(_workspace.Path, Environment, "validate")).ExitCode); // compiled once, so the five race on the start, not the compiler

        var ups = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ProcessRun.InAsync(_workspace.Path, Environment, "up", "-d")));

        Assert.All(ups, up => Assert.True(up.ExitCode == 0, up.Stderr));
        var pids = ups.Select(up => int.Parse(Pid().Match(up.Stderr).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToArray();
        var manager = Assert.Single(pids);
        Assert.Single(ups, up => up.Stderr.Contains($"manager running in the background (pid {manager})", StringComparison.Ordinal));
        Assert.Equal(4, ups.Count(up => up.Stderr.Contains($"a manager is already running for {_workspace.Path} (pid {manager})", StringComparison.Ordinal)));
        Assert.True(Directory.Exists($"/proc/{manager}"), $"pid {manager} is not running");
        var status = await ProcessRun.InAsync(_workspace.Path, Environment, "status", "--json");
        using var report = System.Text.Json.JsonDocument.Parse(status.Stdout);
        Assert.Equal(manager, report.RootElement.GetProperty("manager").GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task A_manager_that_never_answers_makes_status_and_down_stop_after_the_timeout()
    {
        _workspace.Write("procurator.csx", "Project(\"p\", \".\");\n");
        var paths = ControlPaths.For(_workspace.Path, _runtime.Path, Procurator.Supervisor.Processes.Native.UserId);
        paths.EnsureDirectory();
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified); // accepts (the kernel does), never reads: a stopped manager
        silent.Bind(new UnixDomainSocketEndPoint(paths.Socket));
        silent.Listen(16);
        var environment = Environment;
        environment[ControlClient.TimeoutVariable] = "1";
        var expected = $"procurator: error: the manager of {_workspace.Path} did not answer within 1 s on {paths.Socket}; " +
            $"it may be stopped (SIGSTOP; resume it with kill -CONT) or hung. Wait longer with {ControlClient.TimeoutVariable}=SECONDS";

        var status = await ProcessRun.InAsync(_workspace.Path, environment, "status");
        var down = await ProcessRun.InAsync(_workspace.Path, environment, "down");

        Assert.Equal((1, expected), (status.ExitCode, status.Stderr.TrimEnd()));
        Assert.Equal((1, expected), (down.ExitCode, down.Stderr.TrimEnd()));
        File.Delete(paths.Socket); // so Dispose's down finds no manager
    }

    [Fact]
    public void A_log_file_removed_while_its_unit_runs_is_started_again_saying_so()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var logs = _state.Combine("logs");
        using var sink = new LogFileSink(logs);
        sink.Write(new LogLine("web", at, LogStream.Stdout, "before"));
        sink.Flush();

        Directory.Delete(_state.Path, recursive: true); // rm -rf of the state folder
        sink.Write(new LogLine("web", at, LogStream.Stdout, "after"));
        sink.Flush();

        Assert.Equal(
            "2026-01-02T03:04:05.000Z mgr log file was removed while running; continuing in a new one\n2026-01-02T03:04:05.000Z out after\n",
            File.ReadAllText(LogFileSink.PathFor(logs, "web")));
        Assert.Equal(PrivateState.DirectoryMode, File.GetUnixFileMode(logs));
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex Pid();
}
