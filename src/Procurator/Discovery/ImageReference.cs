namespace Procurator.Discovery;

/// <summary>
/// A container image reference, <c>[registry[:port]/]name[:tag][@digest]</c>, and the service
/// kind and version it suggests (<c>bitnami/postgresql:15.4.0</c> → postgres 15.4.0).
/// </summary>
internal sealed record ImageReference(string? Registry, string Name, string? Tag, string? Digest)
{
    private static readonly Dictionary<string, string> KindAliases = new(StringComparer.Ordinal)
    {
        ["postgres"] = "postgres",
        ["postgresql"] = "postgres",
        ["postgis"] = "postgres",
        ["redis"] = "redis",
        ["redis-stack"] = "redis",
        ["valkey"] = "redis",
        ["mysql"] = "mysql",
        ["mariadb"] = "mariadb",
        ["mongo"] = "mongodb",
        ["mongodb"] = "mongodb",
        ["elasticsearch"] = "elasticsearch",
        ["rabbitmq"] = "rabbitmq",
        ["memcached"] = "memcached",
        ["kafka"] = "kafka",
        ["cp-kafka"] = "kafka",
        ["nats"] = "nats",
        ["minio"] = "minio",
    };

    public static ImageReference Parse(string image)
    {
        var rest = image.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        // A tag's colon comes after the last slash; a colon before it is a registry port.
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }

        return new ImageReference(registry, rest, tag, digest);
    }

    /// <summary>The last path segment of the name: <c>bitnami/postgresql</c> → <c>postgresql</c>.</summary>
    public string ShortName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>The known service kind the image runs, or null.</summary>
    public string? Kind => KindAliases.GetValueOrDefault(ShortName.ToLowerInvariant());

    /// <summary>The version its tag names (<c>15-alpine</c> → <c>15</c>); null for <c>latest</c>, no tag or an expression.</summary>
    public string? Version => Tag is null || Tag.Contains("${{", StringComparison.Ordinal) ? null : Toolchains.VersionOfTag(Tag)?.TrimStart('v');
}
