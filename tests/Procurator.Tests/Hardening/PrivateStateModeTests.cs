using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 20: what may hold env values (unit logs, manager.log) is 0600, logs in a 0700 folder, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateStateModeTests
{
    [Fact]
    public async Task Up_under_umask_022_leaves_private_logs_and_folders()
    {
        using var dir = new TempDirectory();
        using var parent = new TempDirectory("state");
        var state = parent.Combine("s");
        dir.Write("procurator.csx", "Project(\"p\", \".\").Env(\"SECRET\", \"hunter2\").Task(\"show\", \"echo $SECRET\");\n");

        var up = await ToolProcess.RunAsync("/bin/sh",
            ["-c", "umask 022; PROCURATOR_STATE_DIR=\"$1\" PROCURATOR_CACHE_DIR=\"$2\" exec dotnet \"$3\" up --no-color", "sh", state, CliRun.TestCacheDirectory, ProcessRun.CliAssembly],
            dir.Path);

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("hunter2", File.ReadAllText(Path.Combine(state, "logs", "p.log")), StringComparison.Ordinal);
        Assert.Equal(
            (PrivateState.PassThroughMode, PrivateState.DirectoryMode, PrivateState.FileMode),
            (File.GetUnixFileMode(state), File.GetUnixFileMode(Path.Combine(state, "logs")), File.GetUnixFileMode(Path.Combine(state, "logs", "p.log"))));
    }

    [Fact]
    public void Manager_log_is_created_0600_and_an_existing_wider_one_is_narrowed()
    {
        using var dir = new TempDirectory("state");
        var fresh = dir.Combine("manager.log");
        var old = dir.Write("old.log", "kept\n");
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100);

        PrivateState.PrivateFile(fresh);
        PrivateState.PrivateFile(old);

        Assert.Equal((PrivateState.FileMode, PrivateState.FileMode, "kept\n"), (File.GetUnixFileMode(fresh), File.GetUnixFileMode(old), File.ReadAllText(old)));
    }
}
