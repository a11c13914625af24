using QuikGraph;
using QuikGraph.Algorithms;

namespace Procurator.Graph;

/// <summary>Layers (dependencies first) and cycles of a <see cref="WorkspaceGraph"/>.</summary>
internal static class GraphAnalysis
{
    /// <summary>
    /// A layered topological order: layer 0 depends on nothing, each later node sits one layer
    /// above its deepest dependency. Nodes on a cycle have no layer (see <see cref="Cycles"/>).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Layers(WorkspaceGraph graph)
    {
        // Nodes on or behind a cycle never reach zero pending dependencies, so Kahn's
        // algorithm leaves them out by itself.
        var layer = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new Queue<string>();
        foreach (var node in graph.Nodes)
        {
            pending[node.Id] = graph.DependenciesOf(node.Id).Count;
            if (pending[node.Id] == 0)
            {
                layer[node.Id] = 0;
                ready.Enqueue(node.Id);
            }
        }

        // Kahn's algorithm over dependents; a node's layer is fixed when its last dependency is.
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            foreach (var edge in graph.DependentsOf(id))
            {
                layer[edge.Source] = Math.Max(layer.GetValueOrDefault(edge.Source), layer[id] + 1);
                if (--pending[edge.Source] == 0)
                {
                    ready.Enqueue(edge.Source);
                }
            }
        }

        return layer.Where(l => pending[l.Key] == 0)
            .GroupBy(l => l.Value)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.Select(l => l.Key).Order(StringComparer.Ordinal).ToArray())
            .ToArray();
    }

    /// <summary>One cycle per strongly connected component, as a path from its smallest id back to it.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(WorkspaceGraph graph)
    {
        var adjacency = new AdjacencyGraph<string, GraphEdge>(allowParallelEdges: true);
        adjacency.AddVertexRange(graph.Nodes.Select(n => n.Id));
        adjacency.AddEdgeRange(graph.Edges);
        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        adjacency.StronglyConnectedComponents(components);

        var cycles = new List<IReadOnlyList<string>>();
        foreach (var group in components.GroupBy(c => c.Value, c => c.Key))
        {
            var members = group.ToHashSet(StringComparer.Ordinal);
            var start = members.Order(StringComparer.Ordinal).First();
            if (members.Count > 1 || graph.DependenciesOf(start).Any(e => e.Target == start))
            {
                cycles.Add(PathBack(graph, start, members));
            }
        }

        return cycles.OrderBy(c => c[0], StringComparer.Ordinal).ToArray();
    }

    /// <summary>The shortest path from <paramref name="start"/> back to itself within its component.</summary>
    private static IReadOnlyList<string> PathBack(WorkspaceGraph graph, string start, HashSet<string> members)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var edge in graph.DependenciesOf(current))
            {
                if (edge.Target == start)
                {
                    var path = new List<string> { start };
                    for (var at = current; at != start; at = cameFrom[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (members.Contains(edge.Target) && cameFrom.TryAdd(edge.Target, current))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return [start, start];
    }
}
