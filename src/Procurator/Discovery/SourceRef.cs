namespace Procurator.Discovery;

/// <summary>Where a discovered fact came from: a file relative to the scanned folder (<c>/</c>-separated) and a 1-based line, 0 when unknown.</summary>
internal sealed record SourceRef(string File, int Line = 0)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
