using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning;

/// <summary>
/// Unit-scoped problems (<see cref="ProblemScope.Unit"/>): what one service or project lacks here
/// blocks only its units, which stay in the plan so that their dependents are skipped naming them.
/// </summary>
internal sealed partial class UnitPlanner
{
    /// <summary>A service that cannot run here: still a unit (its dependents must know why they wait in vain), blocked by a unit-scoped problem.</summary>
    private UnitSpec Block(ServiceModel service, string code, string message)
    {
        _errors.Add(new(code, service.Name, message, ProblemScope.Unit));
        return new UnitSpec(service.Name, UnitRole.Service, CommandSpec.None(_workspaceDirectory), [], null, null,
            RestartPolicy.DefaultFor(UnitRole.Service), UnitSpec.DefaultStartupTimeout, UnitSpec.DefaultStopGracePeriod,
            service.Port is { } port ? [port] : []);
    }

    /// <summary>Blocks every unit of each subject with a unit-scoped problem, with the problems' messages as the reason.</summary>
    private UnitSpec[] MarkBlocked(UnitSpec[] units)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in _errors.Where(e => e.Scope == ProblemScope.Unit))
        {
            foreach (var unit in _unitsByName.TryGetValue(problem.Subject, out var named) ? named : [problem.Subject])
            {
                reasons[unit] = reasons.TryGetValue(unit, out var earlier) ? $"{earlier}; {problem.Message}" : problem.Message;
            }
        }

        return reasons.Count == 0 ? units : [.. units.Select(u => reasons.TryGetValue(u.Name, out var why) ? u with { Blocked = why } : u)];
    }
}
