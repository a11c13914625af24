using System.Collections.ObjectModel;
using Procurator.Model;

namespace Procurator.Model;

/// <summary>
/// Turns validated declarations into the immutable model: defaults filled in, services
/// merged, implicit services added, everything sorted by name so output is deterministic.
/// </summary>
internal static class WorkspaceResolver
{
    public const string DefaultNixpkgs = "github:NixOS/nixpkgs/nixos-unstable";

    /// <summary>Where the master flake's apps get <c>procurator</c> from, unless the script says otherwise.</summary>
    public const string DefaultProcuratorFlake = "github:procurator-dev/procurator?dir=nix/package";

    public static readonly IReadOnlyList<string> DefaultSystems =
        ["aarch64-darwin", "aarch64-linux", "x86_64-darwin", "x86_64-linux"];

    public static WorkspaceModel Resolve(WorkspaceDeclarations declarations, NameTable names, WorkspaceLayout layout)
    {
        var workspace = declarations.Workspace;
        var projects = declarations.Projects.Select(p => ResolveProject(p, layout)).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        return new WorkspaceModel(
            Name: workspace.NameSetting?.Value ?? Path.GetFileName(layout.ScriptDirectory.TrimEnd(Path.DirectorySeparatorChar)),
            Description: workspace.DescriptionText,
            Nixpkgs: workspace.NixpkgsSetting?.Value ?? DefaultNixpkgs,
            Systems: workspace.SystemsSetting?.Value.Distinct().Order(StringComparer.Ordinal).ToArray() ?? DefaultSystems,
            Projects: projects,
            Services: ResolveServices(declarations, names),
            Externals: declarations.Externals.Select(e => new ExternalModel(e.Name, e.FlakeRef)).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray(),
            Shells: ResolveShells(declarations, projects))
        {
            Teams = declarations.Teams
                .Select(t => new TeamModel(t.Name, t.Owned.Select(o => o.Value).Distinct().Order(StringComparer.Ordinal).ToArray(), t.PortRange?.Value.From, t.PortRange?.Value.To))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToArray(),
            ProcuratorFlake = workspace.ProcuratorFlakeSetting is { } procurator ? procurator.Value : DefaultProcuratorFlake,
        };
    }

    private static ProjectModel ResolveProject(ProjectBuilder project, WorkspaceLayout layout)
    {
        var directory = layout.ProjectDirectory(project);
        var relative = layout.RelativeToOutput(directory);
        var hasFlake = relative is not null && relative != "." && File.Exists(Path.Combine(directory, "flake.nix"));
        return new ProjectModel(
            Name: project.Name,
            Path: relative ?? Path.GetRelativePath(layout.OutputDirectory, directory).Replace('\\', '/'),
            Description: project.DescriptionText,
            DependsOn: project.Dependencies.Select(d => d.Name).Distinct().Order(StringComparer.Ordinal).ToArray(),
            BuildDependsOn: project.BuildDependencies.Select(d => d.Value).Distinct().Order(StringComparer.Ordinal).ToArray(),
            Ports: project.PortList.Select(p => p.Value).Distinct().Order().ToArray(),
            Env: Sorted(project.EnvVars.Select(e => (e.Key, e.Value))),
            Packages: project.PackageList.Select(p => p.Value).Distinct().Order(StringComparer.Ordinal).ToArray(),
            Processes: project.ProcessList.Select(p => new ProcessModel(p.Name, p.Command) { OneShot = p.OneShot }).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray(),
            HealthChecks: project.HealthCheckList.ToArray(),
            FlakeInput: hasFlake ? project.Name : null)
        {
            Checks = project.CheckList.Select(c => new ProcessModel(c.Name, c.Command)).OrderBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            DependencyConditions = DependencyConditions(project),
            Restart = project.RestartMode,
        };
    }

    /// <summary>The last condition written for each dependency, when it is not the default (ready).</summary>
    private static SortedDictionary<string, WaitFor> DependencyConditions(ProjectBuilder project)
    {
        var conditions = new SortedDictionary<string, WaitFor>(StringComparer.Ordinal);
        foreach (var dependency in project.Dependencies.Where(d => d.Condition is not null))
        {
            conditions[dependency.Name] = dependency.Condition!.Value;
        }

        foreach (var ready in conditions.Where(c => c.Value == WaitFor.Ready).Select(c => c.Key).ToArray())
        {
            conditions.Remove(ready);
        }

        return conditions;
    }

    private static ServiceModel[] ResolveServices(WorkspaceDeclarations declarations, NameTable names)
    {
        var declared = declarations.Services
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(group =>
            {
                var kind = group.Select(s => s.KindSetting?.Value).LastOrDefault(k => k is not null)
                    ?? (ServiceKinds.IsKnown(group.Key) ? group.Key : null);
                return new ServiceModel(
                    Name: group.Key,
                    Kind: kind,
                    Version: group.Select(s => s.VersionSetting?.Value).LastOrDefault(v => v is not null),
                    Port: group.Select(s => s.PortSetting?.Value).LastOrDefault(p => p is not null) ?? ServiceKinds.DefaultPort(kind),
                    Env: Sorted(group.SelectMany(s => s.EnvVars).Select(e => (e.Key, e.Value))),
                    HealthCheck: group.Select(s => s.HealthCheckSetting).LastOrDefault(h => h is not null),
                    Implicit: false)
                {
                    Command = group.Select(s => s.CommandSetting?.Value).LastOrDefault(c => c is not null),
                };
            });
        var implicitServices = names.ImplicitServices.Keys.Select(name => new ServiceModel(
            name, name, null, ServiceKinds.DefaultPort(name), Sorted([]), null, Implicit: true));
        return declared.Concat(implicitServices).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The declared shells plus, unless the script declares one, a <c>default</c> shell of every project.</summary>
    private static ShellModel[] ResolveShells(WorkspaceDeclarations declarations, IReadOnlyList<ProjectModel> projects)
    {
        var byName = projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var shells = declarations.Shells.Select(s => (s.Name, Projects: (IReadOnlyList<string>)s.Projects.Distinct().ToArray())).ToList();
        if (shells.All(s => s.Name != "default"))
        {
            shells.Add(("default", projects.Select(p => p.Name).ToArray()));
        }

        return shells
            .Select(s => new ShellModel(s.Name, s.Projects, Sorted(s.Projects
                .Where(byName.ContainsKey)
                .SelectMany(p => byName[p].Env.Select(e => (EnvNamespacing.Namespaced(p, e.Key), e.Value))))))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
    }

    private static ReadOnlyDictionary<string, string> Sorted(IEnumerable<(string Key, string Value)> pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            sorted[key] = value;
        }

        return new ReadOnlyDictionary<string, string>(sorted);
    }
}
