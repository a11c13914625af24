using Procurator.Model;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Procurator.Validation;

/// <summary>A dependency edge between projects (runtime or build-time), with the call that made it.</summary>
internal sealed record DependencyEdge(string Source, string Target, ScriptSite Site) : IEdge<string>;

internal sealed record Cycle(IReadOnlyList<string> Path, ScriptSite Site);

/// <summary>Projects and the dependencies between them; services and externals are leaves and cannot close a cycle.</summary>
internal sealed class DependencyGraph
{
    private readonly AdjacencyGraph<string, DependencyEdge> _graph = new(allowParallelEdges: true);

    public static DependencyGraph FromProjects(IEnumerable<ProjectBuilder> projects)
    {
        var result = new DependencyGraph();
        var list = projects.ToArray();
        var names = list.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            result._graph.AddVertex(name);
        }

        foreach (var project in list)
        {
            var edges = project.Dependencies.Select(d => (d.Name, d.Site))
                .Concat(project.BuildDependencies.Select(d => (Name: d.Value, d.Site)));
            foreach (var (target, site) in edges.Where(e => names.Contains(e.Name)))
            {
                result._graph.AddEdge(new DependencyEdge(project.Name, target, site));
            }
        }

        return result;
    }

    /// <summary>One cycle per strongly connected component, starting at its first name in ordinal order.</summary>
    public IReadOnlyList<Cycle> FindCycles()
    {
        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        _graph.StronglyConnectedComponents(components);
        var cycles = new List<Cycle>();
        foreach (var group in components.GroupBy(c => c.Value, c => c.Key))
        {
            var members = group.ToHashSet(StringComparer.Ordinal);
            var start = members.Order(StringComparer.Ordinal).First();
            var isCycle = members.Count > 1 || _graph.OutEdges(start).Any(e => e.Target == start);
            if (isCycle && PathBack(start, members) is { } edges)
            {
                cycles.Add(new Cycle([start, .. edges.Select(e => e.Target)], edges[0].Site));
            }
        }

        return cycles.OrderBy(c => c.Path[0], StringComparer.Ordinal).ToArray();
    }

    /// <summary>The shortest path of edges from <paramref name="start"/> back to itself inside its component.</summary>
    private List<DependencyEdge>? PathBack(string start, HashSet<string> members)
    {
        var cameFrom = new Dictionary<string, DependencyEdge>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var edge in _graph.OutEdges(current).OrderBy(e => e.Target, StringComparer.Ordinal))
            {
                if (edge.Target == start)
                {
                    var path = new List<DependencyEdge> { edge };
                    for (var at = current; at != start; at = cameFrom[at].Source)
                    {
                        path.Insert(0, cameFrom[at]);
                    }

                    return path;
                }

                if (members.Contains(edge.Target) && cameFrom.TryAdd(edge.Target, edge))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return null;
    }
}
