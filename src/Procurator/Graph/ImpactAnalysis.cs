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
        var via = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var id in changed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            via[id] = [id];
            queue.Enqueue(id);
        }

        var affected = new List<AffectedNode>();
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            var path = via[id];
            if (maxDepth is { } depth && path.Count - 1 >= depth)
            {
                continue;
            }

            foreach (var edge in graph.DependentsOf(id))
            {
                if (via.ContainsKey(edge.Source))
                {
                    continue;
                }

                IReadOnlyList<string> next = [.. path, edge.Source];
                via[edge.Source] = next;
                affected.Add(new AffectedNode(edge.Source, next.Count - 1, next));
                queue.Enqueue(edge.Source);
            }
        }

        return affected.OrderBy(a => a.Distance).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    }
}
