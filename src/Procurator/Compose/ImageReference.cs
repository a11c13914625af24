namespace Procurator.Compose;

/// <summary>
/// An image reference, <c>[registry[:port]/]repository[:tag][@digest]</c>: <c>postgres:15</c>,
/// <c>localhost:5000/app:1.2</c>, <c>bitnami/postgresql@sha256:…</c>.
/// </summary>
internal sealed record ImageReference(string Text, string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The tag, unless untagged or <c>latest</c>: then the version is unknown.</summary>
    public string? Version => Tag is null or "latest" ? null : Tag;

    /// <summary>The last path segment of the repository: <c>postgresql</c> for <c>bitnami/postgresql</c>.</summary>
    public string BaseName => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>The reference, or null when <paramref name="text"/> is empty or holds whitespace.</summary>
    public static ImageReference? TryParse(string text)
    {
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        // The first segment is a registry when it looks like a host: a dot, a port, or localhost.
        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && rest[..slash] is var first && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            registry = first;
            rest = rest[(slash + 1)..];
        }

        return rest.Length == 0 || tag is "" || digest is "" ? null : new ImageReference(text, registry, rest, tag, digest);
    }
}
