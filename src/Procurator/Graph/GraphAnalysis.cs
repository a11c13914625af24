using Procurator.Shared;

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

        // A loop, not LINQ over the pairs (see "Warm runs" in docs/ARCHITECTURE.md). Nodes come in id order, so each
        // layer is in id order; no layer is empty, as a node sits one above its deepest dependency.
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
        // Numbered in id order, successors in id order: the finder's lowest number is the smallest id.
        var nodes = graph.Nodes;
        var ids = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            ids.Add(nodes[i].Id, i);
        }

        var successors = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            successors[i] = [];
            foreach (var edge in graph.DependenciesOf(nodes[i].Id))
            {
                successors[i].Add(ids[edge.Target]);
            }
        }

        var cycles = new List<IReadOnlyList<string>>();
        foreach (var path in CycleFinder.PerComponent(successors))
        {
            var names = new string[path.Length];
            for (var i = 0; i < path.Length; i++)
            {
                names[i] = nodes[path[i]].Id;
            }

            cycles.Add(names);
        }

        return cycles;
    }
}
