using Procurator.Graph;

namespace Procurator.Tests;

/// <summary>Impact, layers, plan and cycles on small graphs of known shape.</summary>
public sealed class GraphAnalysisTests
{
    [Fact]
    public void Chain_impact_walks_every_dependent_with_its_path()
    {
        var graph = Build("a->b", "b->c", "c->d");

        var affected = ImpactAnalysis.Affected(graph, ["project:d"]);

        Assert.Equal(
            [
                ("project:c", 1, "project:d > project:c"),
                ("project:b", 2, "project:d > project:c > project:b"),
                ("project:a", 3, "project:d > project:c > project:b > project:a"),
            ],
            affected.Select(a => (a.Id, a.Distance, string.Join(" > ", a.Via))));
    }

    [Fact]
    public void Depth_limits_how_far_impact_goes()
    {
        var graph = Build("a->b", "b->c", "c->d");

        Assert.Equal(["project:c"], ImpactAnalysis.Affected(graph, ["project:d"], maxDepth: 1).Select(a => a.Id));
        Assert.Empty(ImpactAnalysis.Affected(graph, ["project:d"], maxDepth: 0));
    }

    [Fact]
    public void Diamond_reports_each_node_once_by_its_shortest_path_ties_by_id()
    {
        var graph = Build("top->left", "top->right", "left->bottom", "right->bottom");

        var affected = ImpactAnalysis.Affected(graph, ["project:bottom"]);

        Assert.Equal(
            [("project:left", 1), ("project:right", 1), ("project:top", 2)],
            affected.Select(a => (a.Id, a.Distance)));
        Assert.Equal(["project:bottom", "project:left", "project:top"], affected[2].Via);
    }

    [Fact]
    public void Fan_out_and_several_changed_nodes_are_sorted_by_distance_then_id()
    {
        var graph = Build("c1->hub", "c2->hub", "c3->hub", "x->c3", "y->other");

        var affected = ImpactAnalysis.Affected(graph, ["project:hub", "project:other"]);

        Assert.Equal(
            ["project:c1", "project:c2", "project:c3", "project:y", "project:x"],
            affected.Select(a => a.Id));
    }

    [Fact]
    public void Changed_nodes_are_not_listed_as_affected_even_when_they_depend_on_each_other()
    {
        var graph = Build("a->b");

        Assert.Empty(ImpactAnalysis.Affected(graph, ["project:a", "project:b"]));
    }

    [Fact]
    public void Layers_put_dependencies_first_and_disconnected_parts_side_by_side()
    {
        var graph = Build("top->left", "top->right", "left->bottom", "right->bottom", "lone->island");

        Assert.Equal(
            [["project:bottom", "project:island"], ["project:left", "project:lone", "project:right"], ["project:top"]],
            GraphAnalysis.Layers(graph));
    }

    [Fact]
    public void Plan_waves_reverse_for_shutdown()
    {
        var graph = Build("web->api", "api->db", "worker->db");

        Assert.Equal([["project:db"], ["project:api", "project:worker"], ["project:web"]], DeploymentPlan.Waves(graph, reverse: false));
        Assert.Equal([["project:web"], ["project:api", "project:worker"], ["project:db"]], DeploymentPlan.Waves(graph, reverse: true));
    }

    [Fact]
    public void Cycles_are_found_as_paths_and_left_out_of_layers()
    {
        var graph = Build("a->b", "b->c", "c->a", "d->d", "e->a");

        Assert.Equal(
            [["project:a", "project:b", "project:c", "project:a"], ["project:d", "project:d"]],
            GraphAnalysis.Cycles(graph));
        Assert.Empty(GraphAnalysis.Layers(graph));
    }

    [Fact]
    public void Names_resolve_to_ids_with_suggestions_and_ambiguity()
    {
        var graph = Build("api->worker");
        graph.AddNode(new GraphNode("process:api/web", NodeKinds.Process, "web", Project: "api"));
        graph.AddNode(new GraphNode("process:worker/web", NodeKinds.Process, "web", Project: "worker"));

        Assert.Equal(("project:api", null), NodeResolver.Resolve(graph, "api"));
        Assert.Equal(("process:api/web", null), NodeResolver.Resolve(graph, "api/web"));
        Assert.Equal((null, "'web' is ambiguous: process:api/web, process:worker/web; give the id"), NodeResolver.Resolve(graph, "web"));
        Assert.Equal((null, "no node named 'wroker'; did you mean 'worker'?"), NodeResolver.Resolve(graph, "wroker"));
    }

    /// <summary>A graph of projects from "dependent->dependency" pairs.</summary>
    private static WorkspaceGraph Build(params string[] edges)
    {
        var graph = new WorkspaceGraph();
        var pairs = edges.Select(e => e.Split("->")).ToArray();
        foreach (var name in pairs.SelectMany(p => p).Distinct())
        {
            graph.AddNode(new GraphNode($"project:{name}", NodeKinds.Project, name));
        }

        foreach (var pair in pairs)
        {
            graph.AddEdge(new GraphEdge($"project:{pair[0]}", $"project:{pair[1]}", EdgeKinds.Runtime, "ready"));
        }

        return graph;
    }
}
