using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Machine;

/// <summary>Exponential restart delay with jitter.</summary>
internal static class Backoff
{
    /// <summary>Jitter only shortens the delay, so the cap holds and units that crash together spread out.</summary>
    public const double JitterFraction = 0.2;

    /// <param name="policy">The unit's restart policy.</param>
    /// <param name="attempt">Restarts since the counter was last reset (0 for the first).</param>
    /// <param name="random">A value in [0, 1) from the injected random source.</param>
    public static TimeSpan Delay(RestartPolicy policy, int attempt, double random)
    {
        // Cap the exponent: 2^30 half-seconds is far past any sensible MaxBackoff.
        var doubled = policy.InitialBackoff * Math.Pow(2, Math.Min(attempt, 30));
        var capped = doubled > policy.MaxBackoff ? policy.MaxBackoff : doubled;
        return capped * (1 - (JitterFraction * random));
    }
}
