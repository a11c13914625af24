using Procurator.Discovery;
using Procurator.Tests.Support;

namespace Procurator.Tests.Discovery;

/// <summary>The compose importer behind the scan: backing services only, with ports, env and health checks.</summary>
public sealed class ComposeServiceSourceTests
{
    [Fact]
    public void Image_services_become_backing_services_and_built_ones_are_left_to_the_manifests()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("compose.yaml"), """
            services:
              api:
                build: ./api
                depends_on: [db]
              db:
                image: postgres:16
                ports: ["5433:5432"]
                environment:
                  POSTGRES_PASSWORD: secret
                  UNSET_ONE:
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "postgres"]
                  interval: 1m30s
              cache:
                image: redis
                depends_on:
                  db: { condition: service_healthy }
                healthcheck:
                  test: redis-cli ping || exit 1
            """);

        var read = ComposeServiceSource.Instance.Read(dir.Combine("compose.yaml"), "compose.yaml");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(["cache", "db"], read.Services.Select(s => s.Name));
        var db = read.Services[1];
        Assert.Equal(("postgres", "16", "postgres:16"), (db.Kind, db.Version, db.Image));
        Assert.Equal([5433], db.Ports);
        Assert.Equal(new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "secret" }, db.Env);
        Assert.Equal(new DiscoveredHealthCheck("exec", "pg_isready -U postgres", Interval: "90s", Timeout: "30s", Retries: 3), db.HealthCheck);
        Assert.Equal(new SourceRef("compose.yaml", 5), db.Source);
        var cache = read.Services[0];
        Assert.Equal(("redis", (string?)null), (cache.Kind, cache.Version));
        Assert.Equal("redis-cli ping || exit 1", cache.HealthCheck!.Command);
        Assert.Equal(["db"], cache.DependsOn);
    }

    [Fact]
    public void A_broken_compose_file_gives_its_diagnostics_at_the_relative_path_and_no_services()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("docker-compose.yml"), "services:\n  db:\n    image: [unclosed\n");

        var read = ComposeServiceSource.Instance.Read(dir.Combine("docker-compose.yml"), "docker-compose.yml");

        Assert.Empty(read.Services);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("docker-compose.yml", diagnostic.Location!.File);
        Assert.Equal("PRO026", diagnostic.Code);
    }
}
