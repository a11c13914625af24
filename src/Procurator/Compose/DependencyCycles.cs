using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>Reports each dependency cycle among services once, as its path (<c>a -> b -> a</c>).</summary>
internal static class DependencyCycles
{
    public static void Report(IReadOnlyList<ComposeService> services, IReadOnlyDictionary<(string From, string To), SourceLocation> sites, List<Diagnostic> diagnostics)
    {
        var byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var service in services)
        {
            Visit(service.Name);
        }

        void Visit(string name)
        {
            if (done.Contains(name) || !byName.TryGetValue(name, out var service))
            {
                return;
            }

            var index = path.IndexOf(name);
            if (index >= 0)
            {
                var cycle = path.Skip(index).Append(name).ToArray();
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeCycle, $"dependency cycle: {string.Join(" -> ", cycle)}",
                    sites.GetValueOrDefault((cycle[^2], name), service.Location)));
                return;
            }

            path.Add(name);
            foreach (var dependency in service.DependsOn)
            {
                Visit(dependency.Name);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(name);
        }
    }
}
