using Procurator.Model;

namespace Procurator;

/// <summary>Everything one evaluation of a script declared, in declaration order.</summary>
internal sealed class WorkspaceDeclarations
{
    public WorkspaceBuilder Workspace { get; } = new();
    public List<ProjectBuilder> Projects { get; } = [];
    public List<ServiceBuilder> Services { get; } = [];
    public List<ExternalBuilder> Externals { get; } = [];
    public List<ShellBuilder> Shells { get; } = [];

    public List<PolicyBuilder> Policies { get; } = [];
    public List<TeamBuilder> Teams { get; } = [];

    /// <summary>Projects, services and externals in the order the script declared them.</summary>
    public List<(string What, string Name, ScriptSite Site)> Named { get; } = [];

    public ProjectBuilder AddProject(string name, string? path, ScriptSite site) => Add(Projects, new ProjectBuilder(name, path, site), "project", site);
    public ServiceBuilder AddService(string name, ScriptSite site) => Add(Services, new ServiceBuilder(name, site), "service", site);
    public ExternalBuilder AddExternal(string name, string flakeRef, ScriptSite site) => Add(Externals, new ExternalBuilder(name, flakeRef, site), "external", site);
    public PolicyBuilder AddPolicy(IPolicy? policy, string name, ScriptSite site) => Add(Policies, new PolicyBuilder(policy, name, site));
    public TeamBuilder AddTeam(string name, ScriptSite site) => Add(Teams, new TeamBuilder(name, site));
    public ShellBuilder AddShell(string name, IReadOnlyList<string> projects, ScriptSite site) => Add(Shells, new ShellBuilder(name, projects, site));

    private static T Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    private T Add<T>(List<T> list, T item, string what, ScriptSite site)
        where T : IDependencyTarget
    {
        Named.Add((what, item.Name, site));
        return Add(list, item);
    }
}
