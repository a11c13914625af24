using Procurator.Connections;
using Procurator.Kinds;
using Procurator.Model;

namespace Procurator.Tests.Connections;

/// <summary>
/// The one place a project's connection env is made: what a dependent gets for each kind,
/// with local and cluster host names, client variables only when unambiguous, own env winning.
/// </summary>
public sealed class ConnectionEnvTests
{
    private static ServiceModel Service(string name, string? kind, int? port, string? database = null, string? user = null) =>
        new(name, kind, null, port, new Dictionary<string, string>(), null, Implicit: false) { Database = database, User = user };

    private static ProjectModel Project(string name, string[] dependsOn, Dictionary<string, string>? env = null, int[]? ports = null) =>
        new(name, $"./{name}", null, dependsOn, [], ports ?? [], env ?? [], [], [], [], null);

    [Theory]
    [InlineData("postgres", 5432, "postgresql://postgres@127.0.0.1:5432/postgres")]
    [InlineData("mysql", 3306, "mysql://root@127.0.0.1:3306/")]
    [InlineData("mariadb", 3306, "mysql://root@127.0.0.1:3306/")]
    [InlineData("redis", 6379, "redis://127.0.0.1:6379/0")]
    [InlineData("rabbitmq", 5672, "amqp://guest:guest@127.0.0.1:5672")]
    [InlineData("memcached", 11211, "memcache://127.0.0.1:11211")]
    [InlineData("nats", 4222, "nats://127.0.0.1:4222")]
    [InlineData("mongodb", 27017, "mongodb://127.0.0.1:27017/")]
    [InlineData("elasticsearch", 9200, "http://127.0.0.1:9200")]
    [InlineData("minio", 9000, "http://127.0.0.1:9000")]
    [InlineData("kafka", 9092, "127.0.0.1:9092")]
    public void Every_kind_has_its_ecosystems_url(string kind, int port, string url)
    {
        Assert.Equal(port, ServiceKindCatalogue.Find(kind)!.DefaultPort);
        Assert.Equal(url, ServiceConnection.For(Service(kind, kind, port), ServiceConnection.LocalHost)!.Url);
    }

    [Fact]
    public void Every_catalogue_kind_is_in_the_url_table()
    {
        var tested = typeof(ConnectionEnvTests).GetMethod(nameof(Every_kind_has_its_ecosystems_url))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);
        Assert.Equal(ServiceKinds.All, tested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_postgres_dependent_gets_host_port_url_user_database_and_the_client_variables()
    {
        var pg = Service("db", "postgres", 5433, database: "shop", user: "clerk");
        var api = Project("api", ["db"]);

        var env = ConnectionEnv.Local([pg], [api]).For(api);

        Assert.Equal(new Dictionary<string, string>
        {
            ["DB_DATABASE"] = "shop",
            ["DB_HOST"] = "127.0.0.1",
            ["DB_PORT"] = "5433",
            ["DB_URL"] = "postgresql://clerk@127.0.0.1:5433/shop",
            ["DB_USER"] = "clerk",
            ["PGDATABASE"] = "shop",
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = "5433",
            ["PGUSER"] = "clerk",
        }, env);
    }

    [Fact]
    public void In_a_cluster_the_same_names_point_at_each_services_dns_name_and_references_follow()
    {
        var pg = Service("postgres", "postgres", 5432, database: "shop");
        var cache = Service("cache", "redis", 6379);
        var api = Project("api", ["postgres"], ports: [8080]);
        var worker = Project("worker", ["api", "cache", "postgres"], new() { ["DATABASE_URL"] = "${postgres.url}?sslmode=disable", ["HOME_TEXT"] = "${HOME}" });

        var env = new ConnectionEnv([pg, cache], [api, worker], name => $"{name}.shop.svc.cluster.local").For(worker);

        Assert.Equal("api.shop.svc.cluster.local", env["API_HOST"]);
        Assert.Equal("8080", env["API_PORT"]);
        Assert.Equal("redis://cache.shop.svc.cluster.local:6379/0", env["CACHE_URL"]);
        Assert.Equal("postgres.shop.svc.cluster.local", env["PGHOST"]);
        Assert.Equal("postgresql://postgres@postgres.shop.svc.cluster.local:5432/shop?sslmode=disable", env["DATABASE_URL"]);
        Assert.Equal("${HOME}", env["HOME_TEXT"]);
        Assert.False(env.ContainsKey("API_URL"), "a project dependency has no URL: its protocol is unknown");
    }

    [Fact]
    public void Two_dependencies_of_one_kind_set_no_client_variables_and_own_env_wins()
    {
        var main = Service("main", "postgres", 5432);
        var audit = Service("audit", "postgres", 5434);
        var one = Project("one", ["main"], new() { ["PGUSER"] = "me" });
        var both = Project("both", ["audit", "main"]);

        var connections = ConnectionEnv.Local([audit, main], [both, one]);

        Assert.Equal("me", connections.For(one)["PGUSER"]);
        Assert.Equal("5432", connections.For(one)["PGPORT"]);
        Assert.DoesNotContain(connections.For(both).Keys, k => k.StartsWith("PG", StringComparison.Ordinal));
        Assert.Equal("5434", connections.For(both)["AUDIT_PORT"]);
    }

    [Theory]
    [InlineData("${pg.url}", new[] { "pg/url@0+9" })]
    [InlineData("x${a-b_c.port}y${d.host}", new[] { "a-b_c/port@1+13", "d/host@15+9" })]
    [InlineData("${HOME} $${x} ${.url} ${a.} ${a.b.c} ${unterminated.url", new string[0])]
    [InlineData("${HOME}${pg.user}", new[] { "pg/user@7+10" })]
    public void References_are_dollar_brace_name_dot_part(string text, string[] expected) =>
        Assert.Equal(expected, ConnectionReference.FindAll(text).Select(r => $"{r.Service}/{r.PartName}@{r.Start}+{r.Length}"));
}
