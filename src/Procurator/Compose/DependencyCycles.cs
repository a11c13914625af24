using Procurator.Diagnostics;
using Procurator.Shared;

namespace Procurator.Compose;

/// <summary>Reports each dependency cycle among services once, as its path (<c>a -> b -> a</c>).</summary>
internal static class DependencyCycles
{
    public static void Report(IReadOnlyList<ComposeService> services, IReadOnlyDictionary<(string From, string To), SourceLocation> sites, List<Diagnostic> diagnostics)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            ids.Add(services[i].Name, i);
        }

        // A dependency on a name that is not a service is reported elsewhere, and closes no cycle.
        var successors = services.Select(s => s.DependsOn.Where(d => ids.ContainsKey(d.Name)).Select(d => ids[d.Name]).ToArray()).ToArray();
        CycleFinder.DepthFirst(successors, path =>
        {
            var cycle = path.Select(i => services[i].Name).ToArray();
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeCycle, $"dependency cycle: {string.Join(" -> ", cycle)}",
                sites.GetValueOrDefault((cycle[^2], cycle[^1]), services[path[^1]].Location)));
        });
    }
}
