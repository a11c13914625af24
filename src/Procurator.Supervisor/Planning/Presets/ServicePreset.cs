using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>How a known kind of service runs as a real local server.</summary>
internal interface IServicePreset
{
    string Kind { get; }

    /// <summary>The command, readiness probe and data directory for the service, or an error text.</summary>
    PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot);
}

internal sealed record PresetResult(
    CommandSpec? Command,
    Probe? Readiness,
    PreparedDirectory? DataDirectory,
    string? Error,
    string? Note)
{
    /// <summary>How long the server may take to become ready, when longer than the default (a slow booter).</summary>
    public TimeSpan? StartupTimeout { get; init; }

    public static PresetResult Failed(string error) => new(null, null, null, error, null);

    /// <summary>The one wording for a server that is not installed: what was not found, and how to get it.</summary>
    public static PresetResult NotInstalled(ServiceModel service, string notFound, string debianPackages) =>
        Failed($"service '{service.Name}': {notFound}; install it (Debian: apt-get install {debianPackages}) or run through `nix run .#up`");
}
