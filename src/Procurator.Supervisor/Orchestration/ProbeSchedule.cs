using Procurator.Supervisor.Machine;

namespace Procurator.Supervisor.Orchestration;

/// <summary>
/// When the next probe attempt runs. Readiness starts fast and backs off: 10 ms after the
/// first answer, doubling each time up to the probe's period, so a port that opens early is
/// seen within a few milliseconds and a slow start costs few attempts. Liveness watches a
/// ready unit at its period.
/// </summary>
internal static class ProbeSchedule
{
    /// <summary>The delay after the first readiness answer.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(10);

    /// <param name="kind">Readiness backs off; liveness does not.</param>
    /// <param name="period">The probe's period: the longest delay.</param>
    /// <param name="answers">Answers so far, at least 1.</param>
    public static TimeSpan Next(ProbeKind kind, TimeSpan period, int answers)
    {
        if (kind == ProbeKind.Liveness || period <= FirstRetry)
            return period;

        // 10, 20, 40, ... ms; the shift is bounded so a long wait cannot overflow.
        var delay = FirstRetry * (1L << Math.Clamp(answers - 1, 0, 20));
        return delay < period ? delay : period;
    }
}
