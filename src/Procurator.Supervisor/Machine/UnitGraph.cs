using Procurator.Shared;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Machine;

/// <summary>
/// The validated unit graph: names resolved, no cycles, a dependencies-first order (ties in
/// declaration order, so effects come out deterministically) and the reverse edges.
/// </summary>
internal sealed class UnitGraph
{
    private readonly Dictionary<string, UnitSpec> _units;
    private readonly Dictionary<string, List<string>> _dependents;

    private UnitGraph(Dictionary<string, UnitSpec> units, IReadOnlyList<string> order)
    {
        _units = units;
        Order = order;
        _dependents = units.Keys.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var name in order)
        {
            foreach (var dependency in units[name].DependsOn)
            {
                _dependents[dependency.Name].Add(name);
            }
        }
    }

    /// <summary>Every unit, each after all of its dependencies.</summary>
    public IReadOnlyList<string> Order { get; }

    public UnitSpec this[string name] => _units.TryGetValue(name, out var spec) ? spec : throw UnitGraphException.UnknownUnit(name);

    public bool Contains(string name) => _units.ContainsKey(name);

    public IReadOnlyList<string> DependentsOf(string name) => _dependents[name];

    /// <summary>The given units and everything they depend on, transitively.</summary>
    public IReadOnlySet<string> Closure(IEnumerable<string> names)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(names.Select(n => this[n].Name));
        while (stack.TryPop(out var name))
        {
            if (result.Add(name))
            {
                foreach (var dependency in _units[name].DependsOn)
                {
                    stack.Push(dependency.Name);
                }
            }
        }

        return result;
    }

    /// <summary>Checks names and cycles; throws <see cref="UnitGraphException"/> with every unknown name at once.</summary>
    public static UnitGraph Build(IEnumerable<UnitSpec> specs)
    {
        var units = new Dictionary<string, UnitSpec>(StringComparer.Ordinal);
        var declared = new List<string>();
        foreach (var spec in specs)
        {
            if (!units.TryAdd(spec.Name, spec))
            {
                throw UnitGraphException.DuplicateUnit(spec.Name);
            }

            declared.Add(spec.Name);
        }

        var missing = declared
            .SelectMany(n => units[n].DependsOn.Where(d => !units.ContainsKey(d.Name)).Select(d => (n, d.Name)))
            .ToList();
        if (missing.Count > 0)
        {
            throw UnitGraphException.UnknownDependencies(missing);
        }

        return new UnitGraph(units, TopologicalOrder(units, declared));
    }

    private static List<string> TopologicalOrder(Dictionary<string, UnitSpec> units, List<string> declared)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < declared.Count; i++)
        {
            ids.Add(declared[i], i);
        }

        var successors = declared.Select(n => units[n].DependsOn.Select(d => ids[d.Name]).ToArray()).ToArray();
        var order = CycleFinder.DepthFirst(successors, cycle => throw UnitGraphException.Cycle(cycle.Select(i => declared[i])));
        return order.Select(i => declared[i]).ToList();
    }
}
