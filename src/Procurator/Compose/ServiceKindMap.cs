using System.Text.RegularExpressions;

namespace Procurator.Compose;

/// <summary>Which known service kind an image is (<c>bitnami/postgresql</c> is postgres), and the version its tag names.</summary>
internal static partial class ServiceKindMap
{
    private static readonly Dictionary<string, string> KindsByImage = new(StringComparer.Ordinal)
    {
        ["postgres"] = "postgres",
        ["postgresql"] = "postgres",
        ["postgis"] = "postgres",
        ["mysql"] = "mysql",
        ["mysql-server"] = "mysql",
        ["mariadb"] = "mariadb",
        ["redis"] = "redis",
        ["redis-stack"] = "redis",
        ["redis-stack-server"] = "redis",
        ["valkey"] = "redis",
        ["mongo"] = "mongodb",
        ["mongodb"] = "mongodb",
        ["mongodb-community-server"] = "mongodb",
        ["elasticsearch"] = "elasticsearch",
        ["rabbitmq"] = "rabbitmq",
        ["memcached"] = "memcached",
        ["kafka"] = "kafka",
        ["cp-kafka"] = "kafka",
        ["nats"] = "nats",
        ["minio"] = "minio",
    };

    [GeneratedRegex("^v?[0-9]+(\\.[0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingVersion();

    /// <summary>The known kind of <paramref name="image"/>, or null.</summary>
    public static string? KindOf(ImageReference image) =>
        KindsByImage.TryGetValue(image.BaseName.ToLowerInvariant(), out var kind) ? kind : null;

    /// <summary>The numeric version a tag starts with (<c>10.6.4</c> of <c>10.6.4-focal</c>, <c>1.0.1</c> of <c>v1.0.1</c>), or null (<c>alpine</c>, <c>latest</c>).</summary>
    public static string? VersionOf(ImageReference image) =>
        image.Version is { } tag && LeadingVersion().Match(tag) is { Success: true } match ? match.Value.TrimStart('v') : null;
}
