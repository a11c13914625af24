using System.Globalization;

namespace Procurator.Supervisor.Machine;

/// <summary>Short durations for reasons: <c>500ms</c>, <c>1.5s</c>, <c>2m</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan span) =>
        span < TimeSpan.FromSeconds(1) ? $"{Math.Round(span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}ms"
        : span < TimeSpan.FromMinutes(1) ? $"{Math.Round(span.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)}s"
        : $"{Math.Round(span.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture)}m";
}
