using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>
/// One compose service, as much of it as Procurator uses. <see cref="Environment"/> is the
/// service's final environment (env files, then <c>environment</c>), sorted; a null value is a
/// variable the service declares but nothing sets.
/// </summary>
internal sealed record ComposeService(
    string Name,
    ImageReference? Image,
    ComposeBuild? Build,
    IReadOnlyList<ComposePort> Ports,
    IReadOnlyList<ComposeDependency> DependsOn,
    ComposeHealthCheck? HealthCheck,
    IReadOnlyDictionary<string, string?> Environment,
    string? Restart,
    IReadOnlyList<string> Profiles,
    string? Command,
    SourceLocation Location)
{
    /// <summary>The image tag as a version, null when untagged or <c>latest</c> (unknown: never a conflict).</summary>
    public string? Version => Image?.Version;
}

/// <summary>How a service is built: its context folder (relative to the compose file's folder, or a URL) and Dockerfile.</summary>
internal sealed record ComposeBuild(string Context, string? Dockerfile, string? Target);

/// <summary>
/// A port: <see cref="Host"/> is the published host port, a range such as <c>12400-12500</c>
/// (the engine picks one), or null when not published to a fixed port (<c>expose</c>, or
/// <c>"3000"</c> alone, which publishes to a random port).
/// </summary>
internal sealed record ComposePort(string? HostIp, string? Host, int Container, string Protocol)
{
    /// <summary>The host port as a number, when it is one port.</summary>
    public int? HostPort => int.TryParse(Host, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;
}

/// <summary>A dependency: <c>depends_on</c>, or implied by <c>links</c>, <c>volumes_from</c> or a <c>service:</c> mode.</summary>
internal sealed record ComposeDependency(string Name, string Condition, bool Required)
{
    public const string Started = "service_started";
    public const string Healthy = "service_healthy";
    public const string CompletedSuccessfully = "service_completed_successfully";
}

/// <summary>
/// A health check. <see cref="Test"/> is normalized: <c>["CMD", args...]</c> or
/// <c>["CMD-SHELL", command]</c>; empty when the check comes from the image. Durations in seconds.
/// </summary>
internal sealed record ComposeHealthCheck(IReadOnlyList<string> Test, double IntervalSeconds, double TimeoutSeconds, int Retries, double StartPeriodSeconds)
{
    public const double DefaultIntervalSeconds = 30;
    public const double DefaultTimeoutSeconds = 30;
    public const int DefaultRetries = 3;
}
