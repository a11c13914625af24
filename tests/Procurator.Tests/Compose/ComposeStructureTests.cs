using Procurator.Compose;

namespace Procurator.Tests.Compose;

/// <summary>Images, build, restart, profiles, YAML anchors and merge keys, <c>x-</c> fields, <c>extends</c> and <c>include</c>.</summary>
public sealed class ComposeStructureTests
{
    [Theory]
    [InlineData("postgres:15", null, "postgres", "15", null, "15")]
    [InlineData("postgres", null, "postgres", null, null, null)]
    [InlineData("postgres:latest", null, "postgres", "latest", null, null)]
    [InlineData("bitnami/postgresql:16.2.0", null, "bitnami/postgresql", "16.2.0", null, "16.2.0")]
    [InlineData("localhost:5000/app:1.2", "localhost:5000", "app", "1.2", null, "1.2")]
    [InlineData("localhost:5000/app", "localhost:5000", "app", null, null, null)]
    [InlineData("ghcr.io/org/team/app:v2@sha256:abc", "ghcr.io", "org/team/app", "v2", "sha256:abc", "v2")]
    [InlineData("redis@sha256:abc", null, "redis", null, "sha256:abc", null)]
    public void Image_references(string text, string? registry, string repository, string? tag, string? digest, string? version)
    {
        var image = ImageReference.TryParse(text)!;
        Assert.Equal((registry, repository, tag, digest, version), (image.Registry, image.Repository, image.Tag, image.Digest, image.Version));
    }

    [Theory]
    [InlineData("restart: no", "no")]
    [InlineData("restart: \"no\"", "no")]
    [InlineData("restart: always", "always")]
    [InlineData("restart: on-failure", "on-failure")]
    [InlineData("restart: on-failure:5", "on-failure:5")]
    [InlineData("restart: unless-stopped", "unless-stopped")]
    [InlineData("command: y", null)]
    public void Restart_policies(string line, string? expected) =>
        Assert.Equal(expected, ComposeTestFiles.Service($"services:\n  app:\n    image: x\n    {line}\n").Restart);

    [Fact]
    public void Bad_restart_policy_is_an_error() =>
        Assert.Equal(["compose.yaml(4,14): error PRO027: invalid restart policy 'sometimes' (no, always, on-failure[:max-retries], unless-stopped)"],
            ComposeTestFiles.Errors("services:\n  app:\n    image: x\n    restart: sometimes\n"));

    [Fact]
    public void Profiles_are_kept_in_order()
    {
        var service = ComposeTestFiles.Service("services:\n  app:\n    image: x\n    profiles: [debug, test, debug]\n");
        Assert.Equal(["debug", "test"], service.Profiles);
    }

    [Theory]
    [InlineData("    build: ./dir\n", true, null, "./dir")]
    [InlineData("    build:\n      context: app\n      dockerfile: Dockerfile.dev\n", true, null, "app")]
    [InlineData("    build: {}\n", true, null, ".")]
    [InlineData("    build: .\n    image: registry.local/app:3\n", true, "3", ".")]
    public void Build_makes_a_project(string body, bool build, string? version, string context)
    {
        var service = ComposeTestFiles.Service($"services:\n  app:\n{body}");
        Assert.Equal((build, version, context), (service.Build is not null, service.Version, service.Build?.Context));
    }

    [Fact]
    public void Neither_image_nor_build_is_an_error() =>
        Assert.Equal(["compose.yaml(2,3): error PRO027: service 'app' has neither an image nor a build context"],
            ComposeTestFiles.Errors("services:\n  app:\n    restart: always\n"));

    [Fact]
    public void Anchors_aliases_merge_keys_and_extension_fields()
    {
        var yaml = """
            x-common: &common
              restart: always
              environment: &env
                A: "1"
            x-ports: &ports ["80:80"]
            services:
              x-ignored:
                whatever: true
              app:
                <<: *common
                image: x
                x-note: ignored
                restart: "no"
                ports: *ports
              other:
                <<: [*common]
                image: y
                environment:
                  <<: *env
                  B: "2"
            """;
        var result = ComposeTestFiles.Load(yaml);
        Assert.NotNull(result.Project);
        var app = result.Project.Services.Single(s => s.Name == "app");
        var other = result.Project.Services.Single(s => s.Name == "other");
        Assert.Equal(["app", "other"], result.Project.Services.Select(s => s.Name));
        Assert.Equal(("no", "1", 80), (app.Restart, app.Environment["A"], app.Ports.Single().Container));
        Assert.Equal(("always", "1", "2"), (other.Restart, other.Environment["A"], other.Environment["B"]));
    }

    [Fact]
    public void Extends_merges_by_the_spec_rules()
    {
        var common = """
            services:
              base:
                image: base:1
                build: ./base
                ports: ["80:80"]
                environment: [A=base, B=base]
                healthcheck:
                  test: ["CMD", "base"]
                  interval: 10s
                depends_on: [db]
              db:
                image: postgres
            """;
        var yaml = """
            services:
              web:
                extends:
                  file: common/common.yaml
                  service: base
                ports: ["80:80", "81:81"]
                environment:
                  B: web
                  C: web
                healthcheck:
                  test: ["CMD", "web"]
                  retries: 9
              worker:
                extends: web
                image: worker:2
            """;
        var result = ComposeTestFiles.Load(yaml, new Dictionary<string, string> { ["/project/common/common.yaml"] = common });
        Assert.NotNull(result.Project);
        var web = result.Project.Services.Single(s => s.Name == "web");
        Assert.Equal("base:1", web.Image!.Text);
        Assert.Equal("common/base", web.Build!.Context);
        Assert.Equal([80, 81], web.Ports.Select(p => p.Container));
        Assert.Equal(["A=base", "B=web", "C=web"], web.Environment.Select(e => $"{e.Key}={e.Value}"));
        Assert.Equal(["CMD", "web"], web.HealthCheck!.Test);
        Assert.Equal((10, 9), (web.HealthCheck.IntervalSeconds, web.HealthCheck.Retries));
        Assert.Empty(web.DependsOn); // depends_on is never shared through extends
        var worker = result.Project.Services.Single(s => s.Name == "worker");
        Assert.Equal(("worker:2", "B=web"), (worker.Image!.Text, $"B={worker.Environment["B"]}"));
    }

    [Fact]
    public void Extends_cycle_is_an_error_naming_the_chain() =>
        Assert.Contains("compose.yaml(4,5): error PRO030: extends cycle: a -> b -> c -> a",
            ComposeTestFiles.Errors("services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: c\n  c:\n    extends: a\n"));

    [Fact]
    public void Extends_of_an_unknown_service_is_an_error() =>
        Assert.Equal(["compose.yaml(4,14): error PRO029: service 'a' extends 'nope', which is not a service of compose.yaml"],
            ComposeTestFiles.Errors("services:\n  a:\n    image: x\n    extends: nope\n"));

    [Fact]
    public void Include_adds_services_with_their_own_dot_env()
    {
        var files = new Dictionary<string, string>
        {
            ["/project/db/compose.yaml"] = "services:\n  db:\n    image: \"postgres:${PG}\"\n",
            ["/project/db/.env"] = "PG=16\n",
            ["/project/cache.yaml"] = "services:\n  cache:\n    image: redis\n",
            ["/project/more.yaml"] = "include: [cache.yaml]\nservices:\n  more:\n    image: more\n",
        };
        var result = ComposeTestFiles.Load("include:\n  - db/compose.yaml\n  - path: more.yaml\nservices:\n  app:\n    image: x\n    depends_on: [db, cache]\n", files);
        Assert.NotNull(result.Project);
        Assert.Equal(["app", "cache", "db", "more"], result.Project.Services.Select(s => s.Name));
        Assert.Equal("16", result.Project.Services.Single(s => s.Name == "db").Version);
    }

    [Fact]
    public void Include_conflict_and_cycle_are_errors()
    {
        var files = new Dictionary<string, string>
        {
            ["/project/other.yaml"] = "services:\n  app:\n    image: y\n",
            ["/project/loop.yaml"] = "include: compose.yaml\n",
        };
        Assert.Equal(["compose.yaml(3,3): error PRO036: service 'app' is also defined by the included file /project/other.yaml"],
            ComposeTestFiles.Errors("include: other.yaml\nservices:\n  app:\n    image: x\n", files));
        Assert.Equal(["loop.yaml(1,10): error PRO030: include cycle: compose.yaml -> loop.yaml -> compose.yaml"],
            ComposeTestFiles.Errors("include: loop.yaml\nservices:\n  app:\n    image: x\n", files));
    }

    [Theory]
    [InlineData("services:\n  app:\n    image: x\n    ports: [\"80:80\"\n", "compose.yaml(5,1): error PRO026: invalid YAML: ")]
    [InlineData("services:\n  app:\n  image: x\n   bad: indent\n", "compose.yaml(4,7): error PRO026: invalid YAML: ")]
    [InlineData("services:\n  app:\n    image: x\n    image: y\n", "compose.yaml(4,5): error PRO026: duplicate key 'image'")]
    [InlineData("services:\n  app:\n    image: *nowhere\n", "compose.yaml(3,12): error PRO026: invalid YAML: ")]
    [InlineData("- just\n- a list\n", "compose.yaml(1,1): error PRO026: a compose file is a mapping with 'services'")]
    [InlineData("services: [app]\n", "compose.yaml(1,11): error PRO027: 'services' must be a mapping of service names to services, not a list")]
    [InlineData("services:\n  \"bad name\":\n    image: x\n", "compose.yaml(2,3): error PRO027: invalid service name 'bad name': use letters, digits, '.', '_' and '-'")]
    [InlineData("services:\n  app:\n    image: x\n    ports: \"80:80\"\n", "compose.yaml(4,12): error PRO027: 'ports' of service 'app' must be a list, not a string")]
    public void Malformed_input_is_reported_at_its_line_and_column(string yaml, string expectedStart)
    {
        var error = Assert.Single(ComposeTestFiles.Errors(yaml));
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }
}
