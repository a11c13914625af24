using Procurator.Diagnostics;

namespace Procurator.Discovery;

/// <summary>The services of one compose file and the problems met reading it.</summary>
internal sealed record ComposeServices(IReadOnlyList<DiscoveredService> Services, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ComposeServices None { get; } = new([], []);
}

/// <summary>
/// Reads the services of a compose file for the scan. The scanner finds compose files
/// (<c>compose.yaml</c>, <c>docker-compose.yml</c>, …) but never parses them itself: the compose
/// importer does, behind this seam. It returns the backing services (databases, caches, brokers),
/// not the services built from the repository's own code.
/// </summary>
internal interface IComposeServiceSource
{
    /// <summary>The services of the compose file at <paramref name="fullPath"/>; <paramref name="relativePath"/> is the file as findings name it (relative to the scanned folder), for <see cref="DiscoveredService.Source"/> and diagnostics.</summary>
    ComposeServices Read(string fullPath, string relativePath);
}

/// <summary>The default until the compose importer is wired in: compose files are reported as found, with no services.</summary>
internal sealed class NoComposeServices : IComposeServiceSource
{
    public static NoComposeServices Instance { get; } = new();

    private NoComposeServices()
    {
    }

    public ComposeServices Read(string fullPath, string relativePath) => ComposeServices.None;
}
