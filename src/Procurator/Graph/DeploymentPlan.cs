namespace Procurator.Graph;

/// <summary>
/// Deployment waves: projects and services in layered topological order (each wave only
/// after the waves it depends on; ties broken by id). Reversed, the order to shut down.
/// </summary>
internal static class DeploymentPlan
{
    public static IReadOnlyList<IReadOnlyList<string>> Waves(WorkspaceGraph graph, bool reverse)
    {
        var deployable = graph.Nodes.Where(n => n.Kind is NodeKinds.Project or NodeKinds.Service).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var waves = GraphAnalysis.Layers(graph)
            .Select(layer => (IReadOnlyList<string>)layer.Where(deployable.Contains).ToArray())
            .Where(wave => wave.Count > 0)
            .ToList();
        if (reverse)
        {
            waves.Reverse();
        }

        return waves;
    }
}
