using Procurator.Model;
using Procurator.Validation;

namespace Procurator.Tests.Validation;

/// <summary>Cycles among projects: none in acyclic shapes, and each one found as its shortest path.</summary>
public sealed class DependencyGraphTests
{
    [Fact]
    public void A_diamond_has_no_cycle()
    {
        var graph = Build("top->left", "top->right", "left->bottom", "right->bottom");

        Assert.Empty(graph.FindCycles());
    }

    [Fact]
    public void Cycle_through_a_diamond_is_its_shortest_path_from_its_first_name()
    {
        var graph = Build("top->left", "top->right", "left->bottom", "right->bottom", "bottom->top");

        Assert.Equal(["bottom -> top -> left -> bottom"], Paths(graph));
    }

    [Fact]
    public void Cycle_reached_only_from_a_later_project_past_finished_ones_is_found()
    {
        var graph = Build("a->b", "b->c", "x->b", "x->y", "y->x");

        Assert.Equal(["x -> y -> x"], Paths(graph));
    }

    [Fact]
    public void Each_cycle_is_reported_once_sorted_by_its_first_name()
    {
        var graph = Build("solo->solo", "b->a", "a->b", "lib->app", "app->lib");

        Assert.Equal(["a -> b -> a", "app -> lib -> app", "solo -> solo"], Paths(graph));
    }

    [Fact]
    public void Asking_twice_gives_the_same_cycles()
    {
        var graph = Build("a->b", "b->a");

        Assert.Equal(Paths(graph), Paths(graph));
        Assert.Single(graph.FindCycles());
    }

    [Fact]
    public void Build_dependencies_close_cycles_too()
    {
        var declarations = new WorkspaceDeclarations();
        declarations.AddProject("lib-a", null, ScriptSite.None).BuildDependsOn("lib-b");
        declarations.AddProject("lib-b", null, ScriptSite.None).DependsOn("lib-a");

        Assert.Equal(["lib-a -> lib-b -> lib-a"], Paths(DependencyGraph.FromProjects(declarations.Projects)));
    }

    [Fact]
    public void Services_and_unknown_names_cannot_close_a_cycle()
    {
        var declarations = new WorkspaceDeclarations();
        declarations.AddService("postgres", ScriptSite.None);
        declarations.AddProject("api", null, ScriptSite.None).DependsOn("postgres").DependsOn("nowhere");
        declarations.AddProject("worker", null, ScriptSite.None).DependsOn("api").DependsOn("postgres");

        Assert.Empty(DependencyGraph.FromProjects(declarations.Projects).FindCycles());
    }

    private static DependencyGraph Build(params string[] edges)
    {
        var declarations = new WorkspaceDeclarations();
        var projects = new Dictionary<string, ProjectBuilder>(StringComparer.Ordinal);
        ProjectBuilder Project(string name) =>
            projects.TryGetValue(name, out var project) ? project : projects[name] = declarations.AddProject(name, null, ScriptSite.None);

        foreach (var edge in edges)
        {
            var parts = edge.Split("->");
            Project(parts[1]);
            Project(parts[0]).DependsOn(parts[1]);
        }

        return DependencyGraph.FromProjects(declarations.Projects);
    }

    private static string[] Paths(DependencyGraph graph) =>
        graph.FindCycles().Select(c => string.Join(" -> ", c.Path)).ToArray();
}
