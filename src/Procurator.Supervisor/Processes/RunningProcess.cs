using System.Diagnostics;
using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// One unit process started by <see cref="PosixProcessRunner"/>: the leader of its own
/// session, whose id is its PID.
/// </summary>
internal sealed class RunningProcess : IRunningProcess
{
    private static readonly TimeSpan SessionSetupLimit = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly Guardian? _guardian;
    private int _released;
    private volatile bool _reaped;

    private RunningProcess(Process process, Guardian? guardian)
    {
        _process = process;
        _guardian = guardian;
        Pid = process.Id;
    }

    public int Pid { get; }

    public Task<ProcessExit> Exited { get; private set; } = null!;

    /// <summary>Wires up a freshly started process: closes its stdin, pumps its output, watches its exit.</summary>
    public static RunningProcess Attach(string unit, Process process, ILogSink sink, TimeProvider time, Guardian? guardian, TimeSpan drainIdle)
    {
        var running = new RunningProcess(process, guardian);
        process.StandardInput.Close();
        running.WaitForOwnSession();

        var stdout = new OutputPump(unit, LogStream.Stdout, sink, time);
        var stderr = new OutputPump(unit, LogStream.Stderr, sink, time);
        var pumps = Task.WhenAll(
            Task.Run(() => stdout.RunAsync(process.StandardOutput.BaseStream)),
            Task.Run(() => stderr.RunAsync(process.StandardError.BaseStream)));
        running.Exited = running.WaitAsync(pumps, () => stdout.BytesRead + stderr.BytesRead, time, drainIdle);

        // A lingering grandchild may keep the pipes open after Exited completes; the pumps go on
        // reading its output until it is gone, and only then is the Process let go.
        _ = Task.WhenAll(pumps, running.Exited).ContinueWith(_ => process.Dispose(), TaskScheduler.Default);
        return running;
    }

    public void Signal(StopSignal signal)
    {
        var number = Native.SignalNumber(signal);
        if (!Native.Kill(-Pid, number) && !_reaped)
        {
            // No group yet: setsid has not run. Never after the exit was seen, as the PID may be reused.
            Native.Kill(Pid, number);
        }

        // A session member may have moved to a group of its own (a shell with job control).
        foreach (var member in SessionMembers.Live(Pid))
        {
            if (member.ProcessGroup != Pid)
                Native.Kill(member.Pid, number);
        }
    }

    public IReadOnlyList<int> LivePids()
    {
        var pids = SessionMembers.Live(Pid).Select(m => m.Pid).ToList();
        if (pids.Count == 0 && Exited.IsCompleted)
            ReleaseFromGuardian();
        return pids;
    }

    private async Task<ProcessExit> WaitAsync(Task pumps, Func<long> bytesRead, TimeProvider time, TimeSpan drainIdle)
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _reaped = true;
        var exit = ExitStatus.FromDotNet(_process.ExitCode);

        // Drain what is still in the pipes; stop waiting once they are idle, since a daemonized
        // grandchild can hold them open for ever.
        var seen = -1L;
        while (!pumps.IsCompleted && bytesRead() != seen)
        {
            seen = bytesRead();
            await Task.WhenAny(pumps, Task.Delay(drainIdle, time)).ConfigureAwait(false);
        }

        if (SessionMembers.Live(Pid).Count == 0)
            ReleaseFromGuardian();
        return exit;
    }

    private void WaitForOwnSession()
    {
        // Between fork and setsid() the child still belongs to the manager's session and a group
        // signal to its PID would miss it; the window is a few milliseconds.
        var watch = Stopwatch.StartNew();
        while (Native.SessionOf(Pid) is { } session && session != Pid && watch.Elapsed < SessionSetupLimit)
            Thread.Sleep(1);
    }

    private void ReleaseFromGuardian()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            _guardian?.Release(Pid);
    }
}
