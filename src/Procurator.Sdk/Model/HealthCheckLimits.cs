namespace Procurator.Model;

/// <summary>The range of a health check's period and timeout, and of its thresholds (checked by validation).</summary>
internal static class HealthCheckLimits
{
    /// <summary>The shortest period or timeout, 10 ms (procurator.json keeps whole milliseconds).</summary>
    public const double MinSeconds = 0.01;

    /// <summary>The longest period or timeout, one hour.</summary>
    public const double MaxSeconds = 3600;

    /// <summary>The largest failure or success threshold.</summary>
    public const int MaxThreshold = 1000;
}
