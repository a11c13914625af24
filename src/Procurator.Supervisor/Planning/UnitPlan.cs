using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning;

/// <summary>What <c>procurator up</c> will run for a workspace, or why it cannot.</summary>
/// <param name="Units">Every unit, services and project processes, sorted by name.</param>
/// <param name="Directories">Directories to create before starting (data dirs), with the user that must own them.</param>
/// <param name="Errors">Problems found, each with its code, the service or project it is about and what it stops (<see cref="PlanProblem.Scope"/>).</param>
/// <param name="Notes">Facts worth printing (which binary a preset uses and why).</param>
/// <param name="UnitsByName">For each project and service name, the units it runs.</param>
internal sealed record UnitPlan(
    IReadOnlyList<UnitSpec> Units,
    IReadOnlyList<PreparedDirectory> Directories,
    IReadOnlyList<PlanProblem> Errors,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> UnitsByName)
{
    /// <summary>The problems that stop the whole start (<see cref="ProblemScope.Plan"/>).</summary>
    public IReadOnlyList<PlanProblem> Fatal => [.. Errors.Where(e => e.Scope == ProblemScope.Plan)];

    /// <summary>
    /// The unit that keeps <paramref name="unit"/> from starting: itself or a dependency, transitively,
    /// that is blocked (<see cref="UnitSpec.Blocked"/>); null when none is.
    /// </summary>
    public UnitSpec? BlockerOf(string unit)
    {
        var closure = Closure([unit]);
        return Units.Where(u => closure.Contains(u.Name) && u.Blocked is not null)
            .OrderBy(u => u.Name == unit ? 0 : 1)
            .FirstOrDefault();
    }

    /// <summary>The given units and everything they depend on, transitively.</summary>
    public HashSet<string> Closure(IEnumerable<string> units)
    {
        var byName = Units.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(units);
        while (stack.TryPop(out var name))
        {
            if (closure.Add(name) && byName.TryGetValue(name, out var spec))
            {
                foreach (var dependency in spec.DependsOn)
                {
                    stack.Push(dependency.Name);
                }
            }
        }

        return closure;
    }

    /// <summary>
    /// The unit names for the projects, services or units a user named on the command
    /// line; unknown names are returned in <paramref name="unknown"/>.
    /// </summary>
    public IReadOnlyList<string> Select(IEnumerable<string> names, out IReadOnlyList<string> unknown)
    {
        var selected = new List<string>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            if (UnitsByName.TryGetValue(name, out var units))
            {
                selected.AddRange(units);
            }
            else if (Units.Any(u => u.Name == name))
            {
                selected.Add(name);
            }
            else
            {
                missing.Add(name);
            }
        }

        unknown = missing;
        return selected.Distinct(StringComparer.Ordinal).ToArray();
    }
}

/// <summary>A directory the manager creates (mode 0700) before <see cref="Unit"/> starts and, when it runs as root, hands to <see cref="Owner"/>.</summary>
internal sealed record PreparedDirectory(string Unit, string Path, string? Owner);
