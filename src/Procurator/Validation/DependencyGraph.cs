using Procurator.Model;
using Procurator.Shared;

namespace Procurator.Validation;

/// <summary>A dependency edge between projects (runtime or build-time), with the call that made it.</summary>
internal sealed record DependencyEdge(string Source, string Target, ScriptSite Site);

internal sealed record Cycle(IReadOnlyList<string> Path, ScriptSite Site);

/// <summary>Projects and the dependencies between them; services and externals are leaves and cannot close a cycle.</summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<List<int>> _targets = [];
    private readonly List<DependencyEdge> _edges = [];

    public static DependencyGraph FromProjects(IEnumerable<ProjectBuilder> projects)
    {
        var result = new DependencyGraph();
        var list = projects.ToArray();
        var names = list.Select(p => p.Name).Distinct().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            result._ids.Add(name, result._names.Count);
            result._names.Add(name);
            result._targets.Add([]);
        }

        foreach (var project in list)
        {
            foreach (var dependency in project.Dependencies)
            {
                result.AddEdge(project.Name, dependency.Name, dependency.Site);
            }

            foreach (var dependency in project.BuildDependencies)
            {
                result.AddEdge(project.Name, dependency.Value, dependency.Site);
            }
        }

        // Targets in name order (ids follow it), so the path named for each cycle is stable.
        foreach (var targets in result._targets)
        {
            targets.Sort();
        }

        return result;
    }

    private void AddEdge(string source, string target, ScriptSite site)
    {
        if (_ids.TryGetValue(target, out var id))
        {
            _targets[_ids[source]].Add(id);
            _edges.Add(new DependencyEdge(source, target, site));
        }
    }

    /// <summary>One cycle per strongly connected component, starting at its first name in ordinal order, at the first call that made its first edge.</summary>
    public IReadOnlyList<Cycle> FindCycles()
    {
        var cycles = new List<Cycle>();
        foreach (var path in CycleFinder.PerComponent(_targets))
        {
            var names = new string[path.Length];
            for (var i = 0; i < path.Length; i++)
            {
                names[i] = _names[path[i]];
            }

            cycles.Add(new Cycle(names, _edges.First(e => e.Source == names[0] && e.Target == names[1]).Site));
        }

        return cycles;
    }
}
