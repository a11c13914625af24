using Procurator.Compose;

namespace Procurator.Tests.Compose;

/// <summary><c>depends_on</c> in both forms and the dependencies other keys imply, as the compose spec defines them.</summary>
public sealed class ComposeDependencyTests
{
    private const string Others = "  db:\n    image: postgres\n  cache:\n    image: redis\n";

    private static string[] Dependencies(string body) =>
        ComposeTestFiles.Service($"services:\n  app:\n    image: x\n{body}{Others}").DependsOn
            .Select(d => $"{d.Name}/{d.Condition}/{(d.Required ? "required" : "optional")}").ToArray();

    [Theory]
    [InlineData("    depends_on: [db, cache]\n", "cache/service_started/required,db/service_started/required")]
    [InlineData("    depends_on:\n      - db\n", "db/service_started/required")]
    [InlineData("    depends_on:\n      db:\n        condition: service_healthy\n", "db/service_healthy/required")]
    [InlineData("    depends_on:\n      db:\n        condition: service_completed_successfully\n        required: false\n", "db/service_completed_successfully/optional")]
    [InlineData("    depends_on:\n      db:\n        restart: true\n", "db/service_started/required")]
    [InlineData("    depends_on:\n      db:\n", "db/service_started/required")]
    [InlineData("    links: [db, \"cache:redis-alias\"]\n", "cache/service_started/required,db/service_started/required")]
    [InlineData("    network_mode: \"service:db\"\n", "db/service_started/required")]
    [InlineData("    network_mode: host\n", "")]
    [InlineData("    pid: \"service:db\"\n    ipc: \"service:cache\"\n", "cache/service_started/required,db/service_started/required")]
    [InlineData("    volumes_from: [\"service:db\", \"cache:ro\", \"container:other\"]\n", "cache/service_started/required,db/service_started/required")]
    [InlineData("    depends_on:\n      db:\n        condition: service_healthy\n    links: [db]\n", "db/service_healthy/required")]
    public void Forms(string body, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), Dependencies(body));

    [Fact]
    public void Unknown_service_is_an_error_with_a_suggestion()
    {
        var errors = ComposeTestFiles.Errors($"services:\n  app:\n    image: x\n    depends_on: [dbb]\n{Others}");
        Assert.Equal(["compose.yaml(4,18): error PRO029: service 'app' depends on 'dbb', which is not a service of this file; did you mean 'db'?"], errors);
    }

    [Fact]
    public void Unknown_service_in_links_is_an_error()
    {
        var errors = ComposeTestFiles.Errors("services:\n  app:\n    image: x\n    links:\n      - \"nope:alias\"\n");
        Assert.Equal(["compose.yaml(5,9): error PRO029: service 'app' links to 'nope', which is not a service of this file"], errors);
    }

    [Fact]
    public void Unknown_condition_is_an_error()
    {
        var errors = ComposeTestFiles.Errors($"services:\n  app:\n    image: x\n    depends_on:\n      db:\n        condition: service_ready\n{Others}");
        Assert.Equal(["compose.yaml(6,20): error PRO027: unknown depends_on condition 'service_ready' (service_started, service_healthy, service_completed_successfully)"], errors);
    }

    [Fact]
    public void Dependency_cycle_is_reported_with_its_path()
    {
        var errors = ComposeTestFiles.Errors("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n");
        Assert.Equal(["compose.yaml(7,18): error PRO030: dependency cycle: a -> b -> a"], errors);
    }
}
