using Procurator.Model;

namespace Procurator.Ci;

/// <summary>A container CI starts for a service: image, the port it listens on inside, env and a health command.</summary>
internal sealed record ServiceContainer(string Image, int ContainerPort, IReadOnlyDictionary<string, string> Env, string? HealthCommand);

/// <summary>Docker images for the known service kinds; the version picks the tag.</summary>
internal static class ServiceContainers
{
    public static ServiceContainer? For(ServiceModel service)
    {
        string Tag(string fallback) => service.Version ?? fallback;
        return service.Kind switch
        {
            "postgres" => new($"postgres:{Tag("16")}", 5432, Env(service, ("POSTGRES_PASSWORD", "postgres"), ("POSTGRES_HOST_AUTH_METHOD", "trust")), "pg_isready -U postgres"),
            "redis" => new($"redis:{Tag("7")}", 6379, Env(service), "redis-cli ping"),
            "mysql" => new($"mysql:{Tag("8")}", 3306, Env(service, ("MYSQL_ALLOW_EMPTY_PASSWORD", "yes")), "mysqladmin ping -h 127.0.0.1"),
            "mariadb" => new($"mariadb:{Tag("11")}", 3306, Env(service, ("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "yes")), "healthcheck.sh --connect"),
            "mongodb" => new($"mongo:{Tag("7")}", 27017, Env(service), null),
            "elasticsearch" => new($"elasticsearch:{Tag("8.13.4")}", 9200, Env(service, ("discovery.type", "single-node"), ("xpack.security.enabled", "false")), null),
            "rabbitmq" => new($"rabbitmq:{Tag("3")}", 5672, Env(service), "rabbitmq-diagnostics -q ping"),
            "memcached" => new($"memcached:{Tag("1")}", 11211, Env(service), null),
            "kafka" => new($"apache/kafka:{Tag("3.7.0")}", 9092, Env(service), null),
            "nats" => new($"nats:{Tag("2")}", 4222, Env(service), null),
            _ => null, // custom kinds, and minio (its image needs a command GitHub service containers cannot pass)
        };
    }

    private static Dictionary<string, string> Env(ServiceModel service, params (string Key, string Value)[] defaults)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in defaults)
        {
            env[key] = value;
        }

        foreach (var (key, value) in service.Env)
        {
            env[key] = value;
        }

        return new Dictionary<string, string>(env, StringComparer.Ordinal);
    }
}
