using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Support;
using static Procurator.Supervisor.Tests.Support.Commands;

namespace Procurator.Supervisor.Tests;

public sealed class ProcessRunnerTests
{
    private readonly PosixProcessRunner _runner = new();
    private readonly CollectingSink _sink = new();

    [ProcessFact]
    public async Task Terminate_reaches_grandchildren()
    {
        // main sh → inner sh → two sleeps: the sleeps are grandchildren.
        var process = _runner.Start("tree", Sh("sh -c 'sleep 1000 & sleep 1000' & wait"), _sink);
        try
        {
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count >= 3), "the process tree did not come up");
            var pids = process.LivePids();
            Assert.Contains(process.Pid, pids);

            process.Signal(StopSignal.Terminate);

            var exit = await Poll.WithinAsync(process.Exited);
            Assert.Equal(new ProcessExit(null, 15), exit);
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count == 0), "session members survived TERM");
            Assert.All(pids, pid => Assert.False(ProcFs.IsRunningIn(pid, process.Pid), $"pid {pid} still runs"));
        }
        finally
        {
            Cleanup(process);
        }
    }

    [ProcessFact]
    public async Task A_child_that_ignores_terminate_survives_it_and_dies_on_kill()
    {
        // An ignored signal stays ignored across fork and exec, so the sleep ignores TERM too.
        var process = _runner.Start("stubborn", Sh("trap '' TERM; sleep 1000 & wait"), _sink);
        try
        {
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count >= 2), "the sleep did not start");

            process.Signal(StopSignal.Terminate);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(process.Exited.IsCompleted);
            Assert.True(process.LivePids().Count >= 2);

            process.Signal(StopSignal.Kill);
            Assert.Equal(new ProcessExit(null, 9), await Poll.WithinAsync(process.Exited));
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count == 0), "session members survived KILL");
        }
        finally
        {
            Cleanup(process);
        }
    }

    [ProcessFact]
    public async Task Exit_codes_and_signals_are_reported()
    {
        var exit3 = await Poll.WithinAsync(_runner.Start("three", Sh("exit 3"), _sink).Exited);
        var killed = await Poll.WithinAsync(_runner.Start("self-kill", Sh("kill -KILL $$"), _sink).Exited);
        var ok = await Poll.WithinAsync(_runner.Start("ok", Sh("true"), _sink).Exited);

        Assert.Equal((3, (int?)null, "exit 3"), (exit3.ExitCode, exit3.Signal, exit3.ToString()));
        Assert.Equal(((int?)null, 9, "killed by signal 9"), (killed.ExitCode, killed.Signal, killed.ToString()));
        Assert.True(ok.Succeeded);
        Assert.False(exit3.Succeeded);
    }

    [ProcessFact]
    public async Task Output_is_split_into_lines_per_stream_with_a_last_partial_line()
    {
        var process = _runner.Start("out", Sh(@"printf 'one\r\ntwo\n\nthree'; printf 'oops' >&2"), _sink);
        await Poll.WithinAsync(process.Exited);

        Assert.Equal(["one", "two", "", "three"], _sink.Lines.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
        Assert.Equal(["oops"], _sink.Lines.Where(l => l.Stream == LogStream.Stderr).Select(l => l.Text));
        Assert.All(_sink.Lines, l => Assert.Equal("out", l.Unit));
    }

    [ProcessFact]
    public async Task Lines_are_stamped_with_the_injected_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero));
        var runner = new PosixProcessRunner(time: clock);
        await Poll.WithinAsync(runner.Start("clock", Sh("echo hi"), _sink).Exited);

        Assert.Equal(clock.GetUtcNow(), Assert.Single(_sink.Lines).At);
    }

    [ProcessFact]
    public async Task Environment_overrides_the_managers_and_the_working_directory_is_used()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string> { ["PROCURATOR_TEST_VALUE"] = "from unit" };
        var process = _runner.Start("env", Sh("echo \"$PROCURATOR_TEST_VALUE|${PATH:+has path}\"; pwd", dir.Path, environment), _sink);
        await Poll.WithinAsync(process.Exited);

        Assert.Equal(["from unit|has path", dir.Path], _sink.Lines.Select(l => l.Text));
    }

    [ProcessFact("setpriv", "id")]
    public async Task RunAsUser_switches_user_only_when_the_manager_is_root()
    {
        var spec = Sh("id -un") with { RunAsUser = "nobody" };
        await Poll.WithinAsync(_runner.Start("user", spec, _sink).Exited);

        var expected = Environment.UserName == "root" ? "nobody" : Environment.UserName;
        Assert.Equal(expected, Assert.Single(_sink.Lines).Text);
    }

    [ProcessFact]
    public void An_unknown_user_fails_to_start_when_the_manager_is_root()
    {
        var spec = Sh("true") with { RunAsUser = "no-such-user-procurator" };
        if (Environment.UserName != "root")
        {
            Assert.True(_runner.Start("user", spec, _sink).Exited.Wait(Poll.Deadline));
            return;
        }

        var error = Assert.Throws<ProcessStartException>(() => _runner.Start("db", spec, _sink));
        Assert.Equal("Cannot start unit 'db' as user 'no-such-user-procurator': no such user.", error.Message);
    }

    [ProcessFact]
    public async Task A_grandchild_holding_the_pipes_does_not_keep_Exited_from_completing()
    {
        var process = _runner.Start("daemon", Sh("sleep 1000 & echo started"), _sink);
        try
        {
            Assert.Equal(new ProcessExit(0, null), await Poll.WithinAsync(process.Exited));
            Assert.Equal("started", Assert.Single(_sink.Lines).Text);
            Assert.Single(process.LivePids());
        }
        finally
        {
            Cleanup(process);
        }

        Assert.True(await Poll.UntilAsync(() => process.LivePids().Count == 0));
    }

    [ProcessFact]
    public void A_missing_executable_fails_to_start_with_the_unit_and_command()
    {
        var spec = Sh("unused") with { FileName = "no-such-program-procurator", Arguments = ["--port", "1"] };
        var error = Assert.Throws<ProcessStartException>(() => _runner.Start("web", spec, _sink));

        Assert.Equal("Cannot start unit 'web': 'no-such-program-procurator' was not found on PATH (command: no-such-program-procurator --port 1).", error.Message);
    }

    [ProcessFact]
    public void A_missing_working_directory_fails_to_start_with_the_unit_and_command()
    {
        var error = Assert.Throws<ProcessStartException>(() => _runner.Start("web", Sh("echo hi", "/nonexistent/procurator"), _sink));

        Assert.Equal("Cannot start unit 'web': working folder /nonexistent/procurator does not exist (command: /bin/sh -c 'echo hi').", error.Message);
    }
}
