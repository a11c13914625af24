using Procurator.Graph;
using Procurator.Graph.Formats;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The html page's layered layout, computed in C#.</summary>
public sealed class GraphLayoutTests
{
    [Fact]
    public void Dependencies_sit_in_columns_left_of_their_dependents_and_no_boxes_overlap()
    {
        var graph = Graph(("project:web", "project:api"), ("project:api", "service:db"), ("project:web", "service:db"), ("project:cli", "service:db"));

        var layout = GraphLayout.Compute(graph).ToDictionary(p => p.Id);

        Assert.Equal([0, 1, 1, 2], new[] { "service:db", "project:api", "project:cli", "project:web" }.Select(id => layout[id].Layer));
        Assert.All(graph.Edges, e => Assert.True(layout[e.Target].X + layout[e.Target].Width < layout[e.Source].X, $"{e.Target} left of {e.Source}"));
        foreach (var a in layout.Values)
        {
            Assert.All(layout.Values.Where(b => b != a), b => Assert.False(
                a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height,
                $"{a.Id} overlaps {b.Id}"));
        }
    }

    [Fact]
    public void Nodes_are_ordered_by_their_dependencies_so_edges_do_not_cross()
    {
        // By id, a-x and b-y would cross: x (needs b) sits first. The sweep puts y first.
        var graph = Graph(("project:x", "service:b"), ("project:y", "service:a"));

        var layout = GraphLayout.Compute(graph).ToDictionary(p => p.Id);

        Assert.True(layout["service:a"].Y < layout["service:b"].Y);
        Assert.True(layout["project:y"].Y < layout["project:x"].Y);
    }

    [Fact]
    public void Columns_are_centred_and_the_layout_is_the_same_every_time()
    {
        var graph = Graph(("project:a", "service:p"), ("project:b", "service:p"), ("project:c", "service:p"));

        var first = GraphLayout.Compute(graph);

        Assert.Equal(first, GraphLayout.Compute(graph));
        var service = first.Single(p => p.Id == "service:p");
        var projects = first.Where(p => p.Layer == 1).Select(p => p.Y).ToArray();
        Assert.Equal([0, 64, 128], projects);
        Assert.Equal(64, service.Y);
    }

    [Fact]
    public async Task An_empty_workspace_gets_an_empty_page()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Workspace.Name(\"empty\");\n");

        var run = await CliRun.InAsync(dir.Path, "graph", "--format", "html");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Contains("\"nodes\": []", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(GraphLayout.Compute(new WorkspaceGraph()));
    }

    [Theory]
    [InlineData("api", 96)]
    [InlineData("a-rather-long-project-name", 223)]
    [InlineData("an-absurdly-long-name-that-goes-on-and-on-and-on", 240)]
    [InlineData("☕☕", 96)]
    public void Box_width_follows_the_label_within_bounds(string label, int width) =>
        Assert.Equal(width, GraphLayout.WidthOf(label));

    private static WorkspaceGraph Graph(params (string Source, string Target)[] edges)
    {
        var graph = new WorkspaceGraph();
        foreach (var id in edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct())
        {
            var kind = id[..id.IndexOf(':', StringComparison.Ordinal)];
            graph.AddNode(new GraphNode(id, kind, id[(kind.Length + 1)..]));
        }

        foreach (var (source, target) in edges)
        {
            graph.AddEdge(new GraphEdge(source, target, EdgeKinds.Runtime));
        }

        return graph;
    }
}
