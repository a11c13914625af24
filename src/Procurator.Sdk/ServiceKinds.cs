namespace Procurator;

/// <summary>The service kinds Procurator knows, with their default ports.</summary>
public static class ServiceKinds
{
    private static readonly Dictionary<string, int> DefaultPorts = new(StringComparer.Ordinal)
    {
        ["elasticsearch"] = 9200,
        ["kafka"] = 9092,
        ["mariadb"] = 3306,
        ["memcached"] = 11211,
        ["minio"] = 9000,
        ["mongodb"] = 27017,
        ["mysql"] = 3306,
        ["nats"] = 4222,
        ["postgres"] = 5432,
        ["rabbitmq"] = 5672,
        ["redis"] = 6379,
    };

    /// <summary>Every known kind, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = DefaultPorts.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when <paramref name="kind"/> is a known service kind.</summary>
    public static bool IsKnown(string? kind) => kind is not null && DefaultPorts.ContainsKey(kind);

    /// <summary>The default port of a known kind, or null.</summary>
    public static int? DefaultPort(string? kind) =>
        kind is not null && DefaultPorts.TryGetValue(kind, out var port) ? port : null;
}
