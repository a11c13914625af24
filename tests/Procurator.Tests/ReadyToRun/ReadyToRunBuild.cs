using System.Runtime.InteropServices;
using Procurator.Tests.Support;

namespace Procurator.Tests.ReadyToRun;

/// <summary>
/// The CLI published ReadyToRun, as <c>scripts/install-tool.sh</c> installs it, into the test
/// output folder (its own artifacts path, so the repository's bin and obj are not touched).
/// Published once per test run; later publishes are incremental.
/// </summary>
internal static class ReadyToRunBuild
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The published <c>procurator.dll</c>.</summary>
    public static Task<string> CliAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "r2r");
        var output = Path.Combine(root, "publish");
        var result = await ToolProcess.RunAsync("dotnet",
            [
                "publish", Path.Combine(RepositoryPaths.Root, "src", "Procurator.Cli", "Procurator.Cli.csproj"),
                "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
                "-p:PublishReadyToRun=true", "--artifacts-path", Path.Combine(root, "artifacts"), "-o", output, "-nologo",
            ],
            RepositoryPaths.Root, TimeSpan.FromMinutes(20));
        Assert.True(result.ExitCode == 0, $"the ReadyToRun publish failed:\n{result}");
        return Path.Combine(output, "procurator.dll");
    }
}
