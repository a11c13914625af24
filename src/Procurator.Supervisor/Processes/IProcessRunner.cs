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

internal sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner);
