using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, rows 3 and 4, as a real process: a script that leaves a foreground thread running
/// still ends with its files written and the process gone; a policy that loops for ever is
/// stopped by <c>--timeout</c> like the script, with a located PRO020.
/// </summary>
public sealed class ScriptThreadAndPolicyTimeoutTests
{
    [Fact]
    public async Task A_foreground_thread_left_by_the_script_does_not_keep_the_process_alive()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", """
            new System.Threading.Thread(() => { while (true) System.Threading.Thread.Sleep(100); }).Start();
            Project("api");
            """);

        var run = await ProcessRun.InAsync(dir.Path, null, "run"); // throws when it does not exit within 2 minutes

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(dir.Combine("flake.nix")));
        Assert.True(File.Exists(dir.Combine("procurator.json")));
    }

    [Fact]
    public async Task A_policy_that_loops_for_ever_is_stopped_by_the_timeout_at_its_line()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", """
            Project("api");
            Policy("loop", (w, r) => { while (true) { } });
            """);
        Assert.Equal(0, (await ProcessRun.InAsync(dir.Path, null, "validate")).ExitCode); // compiles: the check below times the policy alone

        var check = await ProcessRun.InAsync(dir.Path, null, "check", "--no-nix", "--timeout", "3");

        Assert.Equal(1, check.ExitCode);
        Assert.Equal(
            "procurator.csx(2,1): error PRO020: policy 'loop' did not finish within 3 s and was stopped (does it loop forever?); raise the limit with --timeout SECONDS",
            check.Stderr.Split('\n')[0]);
        Assert.InRange(check.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20));
    }
}
