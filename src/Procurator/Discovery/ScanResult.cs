using Procurator.Diagnostics;

namespace Procurator.Discovery;

/// <summary>
/// What a scan of <see cref="Root"/> found, in a stable order: projects by path, services by
/// name, findings in the order they were made (by path). With any error diagnostic nothing may be
/// written from it.
/// </summary>
internal sealed record ScanResult(
    string Root,
    IReadOnlyList<DiscoveredProject> Projects,
    IReadOnlyList<DiscoveredService> Services,
    IReadOnlyList<DiscoveryFinding> Findings,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The scanned folder is one project with no projects beneath it: it gets a project flake, not a workspace script.</summary>
    public bool IsSingleProject => Projects is [{ Path: "." }];
}
