using System.Diagnostics;
using System.Globalization;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Support;
using static Procurator.Supervisor.Tests.Support.Commands;

namespace Procurator.Supervisor.Tests;

public sealed class GuardianTests
{
    [ProcessFact]
    public async Task Closing_the_guardian_kills_units_still_registered_even_those_ignoring_terminate()
    {
        var guardian = Guardian.Start(grace: TimeSpan.FromMilliseconds(500));
        var runner = new PosixProcessRunner(guardian);
        var process = runner.Start("stubborn", Sh("trap '' TERM; sleep 1000 & wait"), new CollectingSink());
        try
        {
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count >= 2));

            await guardian.DisposeAsync();

            Assert.Equal(new ProcessExit(null, 9), await Poll.WithinAsync(process.Exited));
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count == 0));
        }
        finally
        {
            Cleanup(process);
        }
    }

    [ProcessFact]
    public async Task A_released_session_is_not_signalled()
    {
        var guardian = Guardian.Start(grace: TimeSpan.FromMilliseconds(500));
        var runner = new PosixProcessRunner(guardian);
        var process = runner.Start("kept", Sh("sleep 1000 & wait"), new CollectingSink());
        try
        {
            Assert.True(await Poll.UntilAsync(() => process.LivePids().Count >= 2));
            guardian.Release(process.Pid);

            await guardian.DisposeAsync();

            Assert.False(process.Exited.IsCompleted);
            Assert.True(process.LivePids().Count >= 2);
        }
        finally
        {
            Cleanup(process);
        }
    }

    [ProcessFact]
    public async Task A_manager_killed_with_SIGKILL_leaves_no_unit_process_running()
    {
        using var host = Process.Start(new ProcessStartInfo(DotnetHost(), ["exec", TestHostPath()])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var members = new List<(int Pid, int Session)>();
        try
        {
            // The host prints "pid P session S" for every unit process, then "ready".
            for (var line = await ReadLineAsync(host); line != "ready"; line = await ReadLineAsync(host))
            {
                Assert.NotNull(line);
                var words = line.Split(' ');
                if (words[0] == "pid")
                    members.Add((int.Parse(words[1], CultureInfo.InvariantCulture), int.Parse(words[3], CultureInfo.InvariantCulture)));
            }

            Assert.True(members.Count >= 6, $"only {members.Count} unit processes started");
            Assert.All(members, m => Assert.True(ProcFs.IsRunningIn(m.Pid, m.Session)));

            host.Kill(entireProcessTree: false);
            await host.WaitForExitAsync();

            Assert.True(
                await Poll.UntilAsync(() => !members.Any(m => ProcFs.IsRunningIn(m.Pid, m.Session))),
                "still running: " + string.Join(", ", members.Where(m => ProcFs.IsRunningIn(m.Pid, m.Session))));
        }
        finally
        {
            foreach (var (pid, session) in members.Where(m => ProcFs.IsRunningIn(m.Pid, m.Session)))
                Process.GetProcessById(pid).Kill();
            if (!host.HasExited)
                host.Kill();
        }
    }

    private static async Task<string?> ReadLineAsync(Process host) =>
        await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    // The test host is built next to this project with the same configuration and framework.
    private static string TestHostPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Procurator.Supervisor.TestHost", "bin", configuration, framework, "Procurator.Supervisor.TestHost.dll");
        Assert.True(File.Exists(path), $"test host not built: {path}");
        return path;
    }
}
