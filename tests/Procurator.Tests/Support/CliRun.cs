using Procurator.Cli;

namespace Procurator.Tests.Support;

/// <summary>The outcome of one in-memory run of the <c>procurator</c> command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI in memory with <paramref name="directory"/> as the current folder.</summary>
    public static async Task<CliRun> InAsync(string directory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await CliApp.RunAsync(args, new CliContext(stdout, stderr, directory));
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
