using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 18: a manifest the scan cannot read is an error at the file, not an unhandled exception.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableScanFileTests
{
    [RequiresToolFact("setpriv")]
    public async Task Unreadable_package_json_is_a_located_PRO060()
    {
        using var dir = new TempDirectory("scan");
        dir.Write("app/package.json", "{\"name\": \"app\", \"scripts\": {\"test\": \"jest\"}}");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(dir.Combine("app"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(dir.Combine("app", "package.json"), UnixFileMode.None);

        // root reads any file: run the scan as nobody then (the test's own files must be readable to it).
        ToolResult scan;
        if (IsRoot())
        {
            scan = await ToolProcess.RunAsync("setpriv",
                ["--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", "DOTNET_NOLOGO=1",
                 "dotnet", ProcessRun.CliAssembly, "init", dir.Path, "--dry-run"]);
        }
        else
        {
            scan = await ToolProcess.RunAsync("dotnet", [ProcessRun.CliAssembly, "init", dir.Path, "--dry-run"]);
        }

        Assert.Equal(1, scan.ExitCode);
        Assert.Contains($"app/package.json(1,1): error PRO060: app/package.json cannot be read: Access to the path '{dir.Combine("app", "package.json")}' is denied.", scan.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", scan.Stderr, StringComparison.Ordinal);
    }

    private static bool IsRoot() => File.ReadAllText("/proc/self/status").Contains("\nUid:\t0\t", StringComparison.Ordinal);
}
