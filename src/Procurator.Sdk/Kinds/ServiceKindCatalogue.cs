namespace Procurator.Kinds;

/// <summary>
/// The service kinds Procurator knows, one entry each. Every layer reads its facts from here
/// (the DSL's default ports, flake rendering, CI service containers, compose import and
/// discovery, the supervisor's presets), so a new kind is one new entry; a test checks that
/// every entry is complete.
/// </summary>
internal static class ServiceKindCatalogue
{
    /// <summary>Every kind, sorted by name.</summary>
    public static IReadOnlyList<ServiceKind> All { get; } =
    [
        new("elasticsearch", 9200,
            NixPackage: v => v.Major is null ? "elasticsearch" : $"elasticsearch{v.Major}",
            Container: new("elasticsearch", "8.13.4", [new("discovery.type", "single-node"), new("xpack.security.enabled", "false")], HealthCommand: null,
                DataPath: "/usr/share/elasticsearch/data"),
            NoContainerBecause: null,
            ImageNames: ["elasticsearch"],
            LocalPreset: false,
            Connection: KindConnection.Plain("http://{host}:{port}")),
        new("kafka", 9092,
            NixPackage: _ => "apacheKafka",
            Container: new("apache/kafka", "3.7.0", [], HealthCommand: null, DataPath: "/var/lib/kafka/data"),
            NoContainerBecause: null,
            ImageNames: ["kafka", "cp-kafka"],
            LocalPreset: false,
            Connection: KindConnection.Plain("{host}:{port}")),
        new("mariadb", 3306,
            NixPackage: v => v.Major is null || v.Minor is null ? "mariadb" : $"mariadb_{v.Major}{v.Minor}",
            Container: new("mariadb", "11", [new("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "yes")], "healthcheck.sh --connect",
                DataPath: "/var/lib/mysql", DatabaseVariable: "MARIADB_DATABASE"),
            NoContainerBecause: null,
            ImageNames: ["mariadb"],
            LocalPreset: true,
            Connection: Mysql),
        new("memcached", 11211,
            NixPackage: _ => "memcached",
            Container: new("memcached", "1", [], HealthCommand: null),
            NoContainerBecause: null,
            ImageNames: ["memcached"],
            LocalPreset: true,
            Connection: KindConnection.Plain("memcache://{host}:{port}", new ClientVariable("MEMCACHE_SERVERS", "{host}:{port}"))),
        new("minio", 9000,
            NixPackage: _ => "minio",
            Container: null,
            NoContainerBecause: "its image needs a command (server /data), which GitHub service containers cannot pass",
            ImageNames: ["minio"],
            LocalPreset: false,
            Connection: KindConnection.Plain("http://{host}:{port}")),
        new("mongodb", 27017,
            NixPackage: v => v.Major is null ? "mongodb" : $"mongodb-{v.Major}_{v.Minor ?? "0"}",
            Container: new("mongo", "7", [], HealthCommand: null, DataPath: "/data/db", DatabaseVariable: "MONGO_INITDB_DATABASE"),
            NoContainerBecause: null,
            ImageNames: ["mongo", "mongodb", "mongodb-community-server"],
            LocalPreset: false,
            Connection: new("mongodb://{host}:{port}/{database}", DefaultUser: null, DefaultDatabase: null, TakesUser: false, TakesDatabase: true, [])),
        new("mysql", 3306,
            NixPackage: v => v.Major is null ? "mysql80" : $"mysql{v.Major}{v.Minor ?? "0"}",
            Container: new("mysql", "8", [new("MYSQL_ALLOW_EMPTY_PASSWORD", "yes")], "mysqladmin ping -h 127.0.0.1",
                DataPath: "/var/lib/mysql", DatabaseVariable: "MYSQL_DATABASE"),
            NoContainerBecause: null,
            ImageNames: ["mysql", "mysql-server"],
            LocalPreset: true,
            Connection: Mysql),
        new("nats", 4222,
            NixPackage: _ => "nats-server",
            Container: new("nats", "2", [], HealthCommand: null),
            NoContainerBecause: null,
            ImageNames: ["nats"],
            LocalPreset: true,
            Connection: KindConnection.Plain("nats://{host}:{port}", new ClientVariable("NATS_URL", "{url}"))),
        new("postgres", 5432,
            NixPackage: v => v.Major is null ? "postgresql" : $"postgresql_{v.Major}",
            Container: new("postgres", "16", [new("POSTGRES_PASSWORD", "postgres"), new("POSTGRES_HOST_AUTH_METHOD", "trust")], "pg_isready -U postgres",
                DataPath: "/var/lib/postgresql/data", UserVariable: "POSTGRES_USER", DatabaseVariable: "POSTGRES_DB"),
            NoContainerBecause: null,
            ImageNames: ["postgres", "postgresql", "postgis"],
            LocalPreset: true,
            Connection: new("postgresql://{user}@{host}:{port}/{database}", DefaultUser: "postgres", DefaultDatabase: "postgres", TakesUser: true, TakesDatabase: true,
                [new("PGHOST", "{host}"), new("PGPORT", "{port}"), new("PGUSER", "{user}"), new("PGDATABASE", "{database}")])),
        new("rabbitmq", 5672,
            NixPackage: _ => "rabbitmq-server",
            Container: new("rabbitmq", "3", [], "rabbitmq-diagnostics -q ping", DataPath: "/var/lib/rabbitmq"),
            NoContainerBecause: null,
            ImageNames: ["rabbitmq"],
            LocalPreset: true,
            Connection: new("amqp://{user}:guest@{host}:{port}", DefaultUser: "guest", DefaultDatabase: null, TakesUser: false, TakesDatabase: false, [])),
        new("redis", 6379,
            NixPackage: _ => "redis",
            Container: new("redis", "7", [], "redis-cli ping", DataPath: "/data"),
            NoContainerBecause: null,
            ImageNames: ["redis", "redis-stack", "redis-stack-server", "valkey"],
            LocalPreset: true,
            Connection: new("redis://{host}:{port}/0", DefaultUser: null, DefaultDatabase: null, TakesUser: false, TakesDatabase: false, [])),
    ];

    /// <summary>MySQL and MariaDB clients: the mysql client reads MYSQL_HOST and MYSQL_TCP_PORT.</summary>
    private static KindConnection Mysql => new("mysql://{user}@{host}:{port}/{database}", DefaultUser: "root", DefaultDatabase: null, TakesUser: true, TakesDatabase: true,
        [new("MYSQL_HOST", "{host}"), new("MYSQL_TCP_PORT", "{port}")]);

    private static readonly Dictionary<string, ServiceKind> ByName =
        All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, ServiceKind> ByImageName = IndexImageNames();

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static ServiceKind? Find(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The kind an image base name (lower case, as <c>postgresql</c> of <c>bitnami/postgresql</c>) is, or null.</summary>
    public static ServiceKind? ForImageName(string baseName) => ByImageName.TryGetValue(baseName, out var kind) ? kind : null;

    /// <summary>The kinds <c>procurator up</c> runs with a local preset, sorted.</summary>
    public static IReadOnlyList<string> WithLocalPreset { get; } = All.Where(k => k.LocalPreset).Select(k => k.Name).ToArray();

    /// <summary>A loop, not LINQ over tuples (see "Warm runs" in docs/ARCHITECTURE.md): every run validates kinds.</summary>
    private static Dictionary<string, ServiceKind> IndexImageNames()
    {
        var index = new Dictionary<string, ServiceKind>(StringComparer.Ordinal);
        foreach (var kind in All)
        {
            foreach (var image in kind.ImageNames)
            {
                index.Add(image, kind); // throws on an image name claimed by two kinds: a broken entry fails at once
            }
        }

        return index;
    }
}
