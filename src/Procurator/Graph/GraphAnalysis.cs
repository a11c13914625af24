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
            layer[node.Id] = 0;
            pending[node.Id] = graph.DependenciesOf(node.Id).Count;
            if (pending[node.Id] == 0)
            {
                ready.Enqueue(node.Id);
            }
        }

        // Kahn's algorithm over dependents; a node's layer is fixed when its last dependency is.
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            foreach (var edge in graph.DependentsOf(id))
            {
                layer[edge.Source] = Math.Max(layer[edge.Source], layer[id] + 1);
                if (--pending[edge.Source] == 0)
                {
                    ready.Enqueue(edge.Source);
                }
            }
        }

        // A loop, not LINQ over the KeyValuePair<string, int>s: ReadyToRun cannot precompile those
        // instantiations and every warm run would pay the JIT. Nodes come in id order, so each layer
        // is in id order; no layer is empty, as a node sits one above its deepest dependency.
        var layers = new List<List<string>>();
        foreach (var node in graph.Nodes)
        {
            if (pending[node.Id] == 0)
            {
                var at = layer[node.Id];
                while (layers.Count <= at)
                {
                    layers.Add([]);
                }

                layers[at].Add(node.Id);
            }
        }

        return layers;
    }

    /// <summary>One cycle per strongly connected component, as a path from its smallest id back to it.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(WorkspaceGraph graph)
    {
        // Layers places every node of a graph without cycles (validation refuses them), and
        // costs much less than starting up the components algorithm to find none.
        var placed = 0;
        foreach (var layer in Layers(graph))
        {
            placed += layer.Count;
        }

        if (placed == graph.NodeCount)
        {
            return [];
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = graph.Structure.StronglyConnectedComponents(components);

        // Members by component in a loop, not LINQ over KeyValuePairs (see Layers).
        var groups = new List<string>[count];
        foreach (var node in graph.Nodes)
        {
            (groups[components[node.Id]] ??= []).Add(node.Id);
        }

        var cycles = new List<IReadOnlyList<string>>();
        foreach (var members in groups)
        {
            // Nodes come in id order, so a component's first member is its smallest id.
            var start = members[0];
            if (members.Count > 1 || graph.DependenciesOf(start).Any(e => e.Target == start))
            {
                cycles.Add(PathBack(graph, start, members.ToHashSet(StringComparer.Ordinal)));
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
