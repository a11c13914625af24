using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Procurator.Cli;

/// <summary>
/// <c>--version</c> prints this tool's version, not the entry assembly's (which is the test
/// host when the CLI runs in memory).
/// </summary>
internal sealed class VersionAction(CliContext cli) : SynchronousCommandLineAction
{
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        cli.Out.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
