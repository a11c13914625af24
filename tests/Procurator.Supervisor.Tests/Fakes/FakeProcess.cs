using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Tests.Fakes;

/// <summary>
/// A process that exits only when told. Its exit completes synchronously, so the orchestrator's
/// exit event is queued before <see cref="Exit"/> returns.
/// </summary>
internal sealed class FakeProcess(string unit, int pid, ILogSink output) : IRunningProcess
{
    private readonly TaskCompletionSource<ProcessExit> _exited = new();
    private readonly List<StopSignal> _signals = [];

    public string Unit { get; } = unit;
    public int Pid { get; } = pid;
    public Task<ProcessExit> Exited => _exited.Task;

    public IReadOnlyList<StopSignal> Signals
    {
        get
        {
            lock (_signals)
            {
                return [.. _signals];
            }
        }
    }

    public void Signal(StopSignal signal)
    {
        lock (_signals)
        {
            _signals.Add(signal);
        }
    }

    /// <summary>A child (pid + 1000) lives as long as the main process.</summary>
    public IReadOnlyList<int> LivePids() => _exited.Task.IsCompleted ? [] : [Pid, Pid + 1000];

    public void Emit(string text) => output.Write(new LogLine(Unit, DateTimeOffset.UnixEpoch, LogStream.Stdout, text));

    public void Exit(int code) => _exited.SetResult(new ProcessExit(code, null));

    public void KilledBy(int signal) => _exited.SetResult(new ProcessExit(null, signal));
}
