using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// <c>procurator graph</c> in every format, byte for byte, on the example and on each case
/// under GraphGolden/ (expected.mmd, .dot, .json, .html). Refresh with PROCURATOR_UPDATE_GOLDEN=1.
/// </summary>
public sealed class GraphGoldenTests
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["mermaid"] = "mmd",
        ["dot"] = "dot",
        ["json"] = "json",
        ["html"] = "html",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in GraphWorkspaces.Cases)
        {
            foreach (var format in Extensions.Keys)
            {
                data.Add(name, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Graph_prints_the_expected_text(string name, string format)
    {
        var text = await GraphWorkspaces.RenderAsync(name, format);

        Golden.AssertMatches(Path.Combine(GraphWorkspaces.GoldenFolder, name, $"expected.{Extensions[format]}"), text);
    }

    [Fact]
    public async Task Runtime_edges_carry_the_condition_each_dependency_is_waited_for()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await GraphWorkspaces.RenderAsync(GraphWorkspaces.Conditions, "json"));

        var runtime = json.RootElement.GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "runtime")
            .Select(e => $"{e.GetProperty("source").GetString()} -> {e.GetProperty("target").GetString()}: {e.GetProperty("condition").GetString()}");

        Assert.Equal(
            [
                "project:api -> project:migrate: completed",
                "project:api -> service:cache: ready",
                "project:api -> service:postgres: started",
                "project:migrate -> service:postgres: ready",
                "project:worker -> project:api: ready",
            ],
            runtime);
    }

    [Fact]
    public async Task Readme_shows_the_example_graph_as_printed()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;

        Assert.Equal(await GraphWorkspaces.RenderAsync(GraphWorkspaces.Microservices, "mermaid"), readme[start..(readme.IndexOf("```", start, StringComparison.Ordinal))]);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "graph.png")), "the README shows docs/graph.png");
    }

    [Fact]
    public void Every_golden_case_is_a_workspace()
    {
        Assert.Equal([GraphWorkspaces.Conditions, GraphWorkspaces.HostileNames, GraphWorkspaces.Microservices], GraphWorkspaces.Cases);
        Assert.All(GraphWorkspaces.Cases, name => Assert.True(File.Exists(Path.Combine(GraphWorkspaces.InputOf(name), "procurator.csx")), name));
    }
}
