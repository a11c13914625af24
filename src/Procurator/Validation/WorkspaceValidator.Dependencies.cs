using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    private void CheckDependencies()
    {
        foreach (var project in _declarations.Projects)
        {
            foreach (var dependency in project.Dependencies)
            {
                if (_names.KindOf(dependency.Name) is null)
                {
                    Error(ErrorCodes.UnknownDependency,
                        $"project '{project.Name}' depends on '{Show(dependency.Name)}', which is not declared{UnknownHint(dependency.Name)}",
                        dependency.Site);
                }
            }

            foreach (var dependency in project.BuildDependencies)
            {
                var kind = _names.KindOf(dependency.Value);
                if (kind == TargetKind.Project)
                {
                    continue;
                }

                var message = kind is { } other
                    ? $"project '{project.Name}' has a build dependency on '{dependency.Value}', which is a {NameTable.Describe(other)}; build dependencies name projects"
                    : $"project '{project.Name}' has a build dependency on '{Show(dependency.Value)}', which is not a declared project{Suggestions.DidYouMean(dependency.Value, ProjectNames)}";
                Error(ErrorCodes.UnknownBuildDependency, message, dependency.Site);
            }
        }
    }

    private IEnumerable<string> ProjectNames => _declarations.Projects.Select(p => p.Name);

    private string UnknownHint(string name)
    {
        var suggestion = Suggestions.Closest(name, _names.Names.Concat(ServiceKinds.All).Distinct());
        return suggestion is not null
            ? $"; did you mean '{suggestion}'?"
            : $" (declare it with Project, Service or External, or use a known service kind: {string.Join(", ", ServiceKinds.All)})";
    }

    /// <summary>Reports each cycle among projects once, as its path, at the edge that starts it.</summary>
    private void CheckCycles()
    {
        var graph = DependencyGraph.FromProjects(_declarations.Projects);
        foreach (var cycle in graph.FindCycles())
        {
            var path = string.Join(" -> ", cycle.Path);
            Error(ErrorCodes.DependencyCycle, $"dependency cycle: {path}", cycle.Site);
        }
    }
}
