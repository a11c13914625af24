using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Tests.Support;

internal static class Commands
{
    public static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    /// <summary><c>/bin/sh -c SCRIPT</c> in the temp directory.</summary>
    public static CommandSpec Sh(string script, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        CommandSpec.Shell(script, workingDirectory ?? Path.GetTempPath(), environment ?? NoEnvironment);

    /// <summary>Kills what a test left behind, so a failed assertion does not leak sleeps.</summary>
    public static void Cleanup(Processes.IRunningProcess process)
    {
        if (process.LivePids().Count > 0)
            process.Signal(Processes.StopSignal.Kill);
    }
}
