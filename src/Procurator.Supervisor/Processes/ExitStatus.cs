namespace Procurator.Supervisor.Processes;

/// <summary>
/// Turns .NET's exit code into a <see cref="ProcessExit"/>. On Unix .NET reports a child killed
/// by signal N as exit code 128 + N, the same number a shell exits with when its foreground
/// command was killed by N; the two cannot be told apart, so 129…192 is read as a signal.
/// </summary>
internal static class ExitStatus
{
    private const int SignalBase = 128;
    private const int HighestSignal = 64;

    public static ProcessExit FromDotNet(int exitCode) =>
        exitCode is > SignalBase and <= SignalBase + HighestSignal
            ? new ProcessExit(null, exitCode - SignalBase)
            : new ProcessExit(exitCode, null);
}
