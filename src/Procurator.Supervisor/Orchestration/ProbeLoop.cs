using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Probes;

namespace Procurator.Supervisor.Orchestration;

/// <summary>
/// Runs one probe of one unit generation: after the initial delay, one attempt at a time,
/// the next one after the previous answer (a slow endpoint is never piled on), as
/// <see cref="ProbeSchedule"/> says: readiness fast at first, then backing off to the period.
/// </summary>
internal sealed class ProbeLoop : IDisposable
{
    private readonly StartProbe _start;
    private readonly IProbeRunner _runner;
    private readonly Action<MachineEvent> _post;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private int _answers;

    public ProbeLoop(StartProbe start, IProbeRunner runner, TimeProvider time, Action<MachineEvent> post)
    {
        _start = start;
        _runner = runner;
        _post = post;
        _timer = time.CreateTimer(_ => Attempt(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (start.Probe.InitialDelay > TimeSpan.Zero)
        {
            _timer.Change(start.Probe.InitialDelay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            Attempt();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _timer.Dispose();
    }

    private void Attempt()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        Task<ProbeResult> check;
        try
        {
            check = _runner.CheckAsync(_start.Unit, _start.Probe, _stop.Token);
        }
        catch (Exception ex)
        {
            check = Task.FromResult(new ProbeResult(false, ex.Message));
        }

        check.ContinueWith(Answered, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Answered(Task<ProbeResult> check)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        var result = check.IsCompletedSuccessfully
            ? check.Result
            : new ProbeResult(false, check.Exception?.InnerException?.Message ?? "probe cancelled");
        _post(new ProbeResulted(_start.Unit, _start.Generation, _start.Kind, result.Healthy, result.Detail));
        try
        {
            _timer.Change(ProbeSchedule.Next(_start.Kind, _start.Probe.Period, ++_answers), Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopped while the answer was on its way.
        }
    }
}
