namespace Procurator.Graph;

/// <summary>A node affected by a change: how far from it, and the path of dependencies that makes it affected.</summary>
internal sealed record AffectedNode(string Id, int Distance, IReadOnlyList<string> Via);

/// <summary>"If I change X, what breaks?": everything that transitively depends on the changed nodes.</summary>
internal static class ImpactAnalysis
{
    /// <summary>
    /// Walks dependents breadth-first from all changed nodes at once, so each affected node
    /// gets its shortest path; neighbours are visited in id order, so ties are deterministic.
    /// </summary>
    public static IReadOnlyList<AffectedNode> Affected(WorkspaceGraph graph, IEnumerable<string> changed, int? maxDepth = null)
    {
        // Each reached node remembers who reached it and how far it is; paths are rebuilt at the end.
        var reachedFrom = new Dictionary<string, (string? Parent, int Distance)>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var id in changed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            reachedFrom[id] = (null, 0);
            queue.Enqueue(id);
        }

        var order = new List<string>();
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            var distance = reachedFrom[id].Distance;
            if (maxDepth is { } depth && distance >= depth)
            {
                continue;
            }

            foreach (var edge in graph.DependentsOf(id))
            {
                if (reachedFrom.TryAdd(edge.Source, (id, distance + 1)))
                {
                    order.Add(edge.Source);
                    queue.Enqueue(edge.Source);
                }
            }
        }

        return order
            .Select(id => new AffectedNode(id, reachedFrom[id].Distance, PathTo(id, reachedFrom)))
            .OrderBy(a => a.Distance)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToArray();
    }

    private static string[] PathTo(string id, Dictionary<string, (string? Parent, int Distance)> reachedFrom)
    {
        var path = new string[reachedFrom[id].Distance + 1];
        for (var (at, i) = (id, path.Length - 1); i >= 0; at = reachedFrom[at].Parent!, i--)
        {
            path[i] = at;
        }

        return path;
    }
}
