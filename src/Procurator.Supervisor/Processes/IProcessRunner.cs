using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Spawns unit processes, each in its own session (so a signal reaches grandchildren).
/// The real one is <c>PosixProcessRunner</c>; tests of ordering and restarts use a fake.
/// </summary>
internal interface IProcessRunner
{
    /// <summary>
    /// Starts <paramref name="command"/>; every output line (stdout and stderr) goes to
    /// <paramref name="output"/>. Throws <see cref="ProcessStartException"/> when it cannot start.
    /// </summary>
    IRunningProcess Start(string unitName, CommandSpec command, ILogSink output);
}

/// <summary>A started unit process and its session.</summary>
internal interface IRunningProcess
{
    int Pid { get; }

    /// <summary>
    /// Completes when the main process has exited and its output pipes are drained
    /// (a last line without a newline included), never before.
    /// </summary>
    Task<ProcessExit> Exited { get; }

    /// <summary>Sends the signal to the whole session/process group of the unit.</summary>
    void Signal(StopSignal signal);

    /// <summary>PIDs of the unit's session still alive (the main process, children, grandchildren).</summary>
    IReadOnlyList<int> LivePids();
}

internal enum StopSignal
{
    Terminate,
    Kill,
    Interrupt,
}

/// <summary>How a process ended: an exit code, or the signal that killed it.</summary>
internal sealed record ProcessExit(int? ExitCode, int? Signal)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => Signal is { } s ? $"killed by signal {s}" : $"exit {ExitCode}";
}

/// <summary>A unit process could not be started.</summary>
/// <param name="message">The whole story, with the unit and command, for logs and probe details.</param>
/// <param name="inner">The cause, if any.</param>
internal sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong in a few words, for the unit's reason (<c>working folder /x does not exist</c>); defaults to the message.</summary>
    public string Reason { get; init; } = message;

    /// <summary>A restart cannot fix it (a held port, a missing program or folder): the unit fails at once instead of backing off.</summary>
    public bool Permanent { get; init; }
}
