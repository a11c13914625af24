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
    // Sets rather than a Dictionary<string, TargetKind> (see "Warm runs" in docs/ARCHITECTURE.md).
    private readonly HashSet<string> _projects = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly HashSet<string> _externals = new(StringComparer.Ordinal);

    public NameTable(WorkspaceDeclarations declarations)
    {
        foreach (var external in declarations.Externals)
        {
            _externals.Add(external.Name);
        }

        foreach (var service in declarations.Services)
        {
            _services.Add(service.Name);
        }

        foreach (var project in declarations.Projects)
        {
            _projects.Add(project.Name);
        }

        // A dependency on an undeclared known kind ("postgres") declares that service,
        // at the site of the first dependency that names it.
        var implicitServices = new Dictionary<string, ScriptSite>(StringComparer.Ordinal);
        foreach (var project in declarations.Projects)
        {
            foreach (var dependency in project.Dependencies)
            {
                if (KindOf(dependency.Name) is null && ServiceKinds.IsKnown(dependency.Name))
                {
                    _services.Add(dependency.Name);
                    implicitServices[dependency.Name] = dependency.Site;
                }
            }
        }

        ImplicitServices = new SortedMap<ScriptSite>(implicitServices);
    }

    /// <summary>Services no script line declared, with the dependency that implied each, by name.</summary>
    public SortedMap<ScriptSite> ImplicitServices { get; }

    /// <summary>Every name a dependency may refer to, sorted.</summary>
    public IEnumerable<string> Names => _projects.Concat(_services).Concat(_externals).Distinct().Order(StringComparer.Ordinal);

    /// <summary>What <paramref name="name"/> refers to; a project wins over a service, a service over an external.</summary>
    public TargetKind? KindOf(string name) =>
        _projects.Contains(name) ? TargetKind.Project
        : _services.Contains(name) ? TargetKind.Service
        : _externals.Contains(name) ? TargetKind.External
        : null;

    public static string Describe(TargetKind kind) => kind switch
    {
        TargetKind.Project => "project",
        TargetKind.Service => "service",
        _ => "external",
    };
}
