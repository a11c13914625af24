namespace Procurator.Discovery;

/// <summary>
/// How to tell a service is healthy, as found: <see cref="Type"/> is <c>exec</c>, <c>tcp</c> or
/// <c>http</c> (as the DSL's <c>Exec</c>, <c>Tcp</c>, <c>Http</c>); interval and timeout keep
/// their text (<c>10s</c>).
/// </summary>
internal sealed record DiscoveredHealthCheck(
    string Type,
    string? Command = null,
    int? Port = null,
    string? Url = null,
    string? Interval = null,
    string? Timeout = null,
    int? Retries = null);

/// <summary>
/// A backing service found in a compose file (through <see cref="IComposeServiceSource"/>) or as a
/// GitHub Actions service container. <see cref="Kind"/> is a known kind (<c>postgres</c>) or null;
/// <see cref="Ports"/> are the ports published on the host; <see cref="DependsOn"/> names other
/// services.
/// </summary>
internal sealed record DiscoveredService(
    string Name,
    string? Kind,
    string? Image,
    string? Version,
    IReadOnlyList<int> Ports,
    IReadOnlyDictionary<string, string> Env,
    DiscoveredHealthCheck? HealthCheck,
    IReadOnlyList<string> DependsOn,
    SourceRef Source);
