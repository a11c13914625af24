using System.CommandLine;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Control;

/// <summary>
/// The workspace a control command talks about, found from <c>[FILE]</c> (default
/// <c>procurator.csx</c> in the current folder) without evaluating the script: its directory.
/// </summary>
internal static class ControlTarget
{
    public static string WorkspaceDirectory(CliContext cli, string script)
    {
        var full = cli.FullPath(script);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
    }

    public static ControlPaths Paths(CliContext cli, string script) => ControlPaths.For(WorkspaceDirectory(cli, script));

    /// <summary>The running manager, or null after saying plainly that none runs.</summary>
    public static async Task<ControlClient?> ConnectOrSayAsync(CliContext cli, ControlPaths paths, CancellationToken cancellationToken)
    {
        var client = await ControlClient.ConnectAsync(paths, cancellationToken: cancellationToken);
        if (client is null)
        {
            await cli.Error.WriteLineAsync(NoManager(paths));
        }

        return client;
    }

    public static string NoManager(ControlPaths paths) =>
        $"procurator: no manager running for {paths.Workspace} (start one with procurator up -d)";

    /// <summary>The optional <c>[FILE]</c> argument of commands that take nothing else.</summary>
    public static Argument<string> ScriptArgument() => CommonOptions.RefusingOptions(new Argument<string>("file")
    {
        Description = $"The workspace script; only its folder is used, the script is not run (default: {CommonOptions.DefaultScript})",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => CommonOptions.DefaultScript,
    });

    /// <summary>The <c>[FILE] NAME...</c> arguments: a first argument ending in <c>.csx</c> is the script.</summary>
    public static Argument<string[]> NamesArgument(string description, ArgumentArity arity) => new("names")
    {
        Description = $"{description}; a first argument ending in .csx is the workspace script",
        Arity = arity,
    };

    /// <summary>Prints a failed answer; returns the exit code.</summary>
    public static async Task<int> ReportAsync(CliContext cli, ControlResponse response)
    {
        if (response.Ok)
        {
            return ExitCodes.Ok;
        }

        await cli.Error.WriteLineAsync($"procurator: error: {response.Error ?? "the request failed"}");
        return ExitCodes.Invalid;
    }
}
