using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 21: the detached manager and its units do not keep the caller's descriptors (a flock'd file) open.</summary>
public sealed class InheritedDescriptorTests
{
    [RequiresToolFact("flock", "bash")]
    public async Task A_callers_lock_is_released_when_the_caller_exits_while_the_manager_runs()
    {
        using var dir = new TempDirectory();
        using var state = new TempDirectory("state");
        using var runtime = new TempDirectory("runtime");
        dir.Write("procurator.csx", "Project(\"p\", \".\").Process(\"web\", \"sleep 120\");\n");
        var lockFile = dir.Combine("caller.lock");
        string[] environment = [$"PROCURATOR_STATE_DIR={state.Path}", $"XDG_RUNTIME_DIR={runtime.Path}", $"PROCURATOR_CACHE_DIR={CliRun.TestCacheDirectory}"];

        try
        {
            // The caller takes the lock on fd 9, starts the manager, and exits.
            var caller = await ToolProcess.RunAsync("env", [.. environment, "bash", "-c", "exec 9>\"$1\" && flock -n 9 && exec dotnet \"$2\" up -d --no-color", "caller", lockFile, ProcessRun.CliAssembly], dir.Path);
            Assert.True(caller.ExitCode == 0, caller.ToString());

            var probe = await ToolProcess.RunAsync("flock", ["-n", lockFile, "true"], dir.Path);
            var status = await ToolProcess.RunAsync("env", [.. environment, "dotnet", ProcessRun.CliAssembly, "status", "--json"], dir.Path);

            Assert.True(status.ExitCode == 0, status.ToString()); // the manager still runs
            Assert.True(probe.ExitCode == 0, "the lock is still held after its holder exited: the manager or a unit inherited it");
        }
        finally
        {
            await ToolProcess.RunAsync("env", [.. environment, "dotnet", ProcessRun.CliAssembly, "down"], dir.Path, TimeSpan.FromSeconds(60));
        }
    }
}
