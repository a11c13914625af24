namespace Procurator.Discovery;

/// <summary>
/// One fact the scan found and why, printed on one line:
/// <c>services/api: node 20, nixpkgs nodejs_20 (from services/api/.nvmrc)</c>.
/// </summary>
internal sealed record DiscoveryFinding(string Subject, string Text, SourceRef? Source)
{
    public override string ToString() => Source is null ? $"{Subject}: {Text}" : $"{Subject}: {Text} (from {Source.File})";
}
