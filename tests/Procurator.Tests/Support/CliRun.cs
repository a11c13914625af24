using Procurator.Cli;

namespace Procurator.Tests.Support;

/// <summary>The outcome of one in-memory run of the <c>procurator</c> command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>One compile cache for the whole test run, away from the user's own.</summary>
    public static readonly string TestCacheDirectory = Path.Combine(Path.GetTempPath(), "procurator-tests-cache");

    /// <summary>Runs the CLI in memory with <paramref name="directory"/> as the current folder.</summary>
    public static Task<CliRun> InAsync(string directory, params string[] args) => WithCacheAsync(directory, TestCacheDirectory, args);

    /// <summary>Runs the CLI in memory with its own compile cache folder.</summary>
    public static async Task<CliRun> WithCacheAsync(string directory, string cacheDirectory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await CliApp.RunAsync(args, new CliContext(stdout, stderr, directory) { CacheDirectory = cacheDirectory });
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
