using Procurator.Model;

namespace Procurator.Model;

internal enum TargetKind
{
    Project,
    Service,
    External,
}

/// <summary>
/// The one pass that resolves names: what every declared name refers to, and which
/// services a dependency on a known kind declares implicitly.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, TargetKind> _kinds = new(StringComparer.Ordinal);

    public NameTable(WorkspaceDeclarations declarations)
    {
        foreach (var external in declarations.Externals)
        {
            _kinds[external.Name] = TargetKind.External;
        }

        foreach (var service in declarations.Services)
        {
            _kinds[service.Name] = TargetKind.Service;
        }

        foreach (var project in declarations.Projects)
        {
            _kinds[project.Name] = TargetKind.Project;
        }

        // A dependency on an undeclared known kind ("postgres") declares that service,
        // at the site of the first dependency that names it.
        foreach (var project in declarations.Projects)
        {
            foreach (var dependency in project.Dependencies)
            {
                if (!_kinds.ContainsKey(dependency.Name) && ServiceKinds.IsKnown(dependency.Name))
                {
                    _kinds[dependency.Name] = TargetKind.Service;
                    ImplicitServices[dependency.Name] = dependency.Site;
                }
            }
        }
    }

    /// <summary>Services no script line declared, with the dependency that implied each.</summary>
    public SortedDictionary<string, ScriptSite> ImplicitServices { get; } = new(StringComparer.Ordinal);

    /// <summary>Every name a dependency may refer to, sorted.</summary>
    public IEnumerable<string> Names => _kinds.Keys.Order(StringComparer.Ordinal);

    public TargetKind? KindOf(string name) => _kinds.TryGetValue(name, out var kind) ? kind : null;

    public static string Describe(TargetKind kind) => kind switch
    {
        TargetKind.Project => "project",
        TargetKind.Service => "service",
        _ => "external",
    };
}
