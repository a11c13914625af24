using System.Collections.ObjectModel;
using Procurator.Connections;
using Procurator.Model;

namespace Procurator.Model;

/// <summary>
/// Turns validated declarations into the immutable model: defaults filled in, services
/// merged, implicit services added, everything sorted by name so output is deterministic.
/// </summary>
internal static class WorkspaceResolver
{
    public const string DefaultNixpkgs = "github:NixOS/nixpkgs/nixos-unstable";

    public static readonly IReadOnlyList<string> DefaultSystems =
        ["aarch64-darwin", "aarch64-linux", "x86_64-darwin", "x86_64-linux"];

    public static WorkspaceModel Resolve(WorkspaceDeclarations declarations, NameTable names, WorkspaceLayout layout)
    {
        var workspace = declarations.Workspace;
        var projects = declarations.Projects.Select(p => ResolveProject(p, layout)).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        var services = ResolveServices(declarations, names);
        return new WorkspaceModel(
            Name: workspace.NameSetting?.Value ?? Path.GetFileName(layout.ScriptDirectory.TrimEnd(Path.DirectorySeparatorChar)),
            Description: workspace.DescriptionText,
            Nixpkgs: workspace.NixpkgsSetting?.Value ?? DefaultNixpkgs,
            Systems: workspace.SystemsSetting?.Value.Distinct().Order(StringComparer.Ordinal).ToArray() ?? DefaultSystems,
            Projects: projects,
            Services: services,
            Externals: declarations.Externals.Select(e => new ExternalModel(e.Name, e.FlakeRef)).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray(),
            Shells: ResolveShells(declarations, projects, ConnectionEnv.Local(services, projects)))
        {
            Teams = declarations.Teams
                .Select(t => new TeamModel(t.Name, t.Owned.Select(o => o.Value).Distinct().Order(StringComparer.Ordinal).ToArray(), t.PortRange?.Value.From, t.PortRange?.Value.To))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToArray(),
            // No default location: the apps use the procurator on PATH unless the script names a flake.
            ProcuratorFlake = workspace.ProcuratorFlakeSetting?.Value,
        };
    }

    // Loops below, not LINQ over tuples, nullable ints or pairs (see "Warm runs" in docs/ARCHITECTURE.md).

    private static ProjectModel ResolveProject(ProjectBuilder project, WorkspaceLayout layout)
    {
        var directory = layout.ProjectDirectory(project);
        var relative = layout.RelativeToOutput(directory);
        var hasFlake = relative is not null && relative != "." && File.Exists(Path.Combine(directory, "flake.nix"));
        var model = new ProjectModel(
            Name: project.Name,
            Path: relative ?? Path.GetRelativePath(layout.OutputDirectory, directory).Replace('\\', '/'),
            Description: project.DescriptionText,
            DependsOn: DependsOn(project),
            BuildDependsOn: project.BuildDependencies.Select(d => d.Value).Distinct().Order(StringComparer.Ordinal).ToArray(),
            Ports: DistinctSorted(project.PortList),
            Env: Sorted(project.EnvVars),
            Packages: project.PackageList.Select(p => p.Value).Distinct().Order(StringComparer.Ordinal).ToArray(),
            Processes: project.ProcessList.Select(p => new ProcessModel(p.Name, p.Command) { OneShot = p.OneShot }).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray(),
            HealthChecks: project.HealthCheckList.ToArray(),
            FlakeInput: hasFlake ? project.Name : null)
        {
            Checks = project.CheckList.Select(c => new ProcessModel(c.Name, c.Command)).OrderBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            Restart = RestartModes.Parse(project.RestartSetting?.Value),
            Secrets = project.SecretList.Select(s => new SecretModel(s.Name, s.Command)).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray(),
            Image = project.ImageSetting?.Value,
            Replicas = project.ReplicasSetting?.Value,
            Resources = project.ResourcesSetting?.Value,
        };
        return project.Dependencies.Any(d => d.Condition is not null)
            ? model with { DependencyConditions = DependencyConditions(project) }
            : model;
    }

    /// <summary>Its dependencies, and the services its env refers to (<c>pg.Url</c> depends on <c>pg</c>, as Aspire's WithReference does).</summary>
    private static string[] DependsOn(ProjectBuilder project)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dependency in project.Dependencies)
        {
            names.Add(dependency.Name);
        }

        foreach (var env in project.EnvVars)
        {
            if (env.Value.Contains("${", StringComparison.Ordinal))
            {
                foreach (var reference in ConnectionReference.FindAll(env.Value))
                {
                    names.Add(reference.Service);
                }
            }
        }

        return [.. names];
    }

    private static int[] DistinctSorted(IReadOnlyList<Located<int>> ports)
    {
        var distinct = new List<int>(ports.Count);
        foreach (var port in ports)
        {
            if (!distinct.Contains(port.Value))
            {
                distinct.Add(port.Value);
            }
        }

        distinct.Sort();
        return distinct.ToArray();
    }

    /// <summary>The last condition written for each dependency, when it is not the default (ready).</summary>
    private static SortedDictionary<string, WaitFor> DependencyConditions(ProjectBuilder project)
    {
        var conditions = new SortedDictionary<string, WaitFor>(StringComparer.Ordinal);
        foreach (var dependency in project.Dependencies)
        {
            if (dependency.Condition is { } condition)
            {
                conditions[dependency.Name] = condition;
            }
        }

        foreach (var ready in conditions.Where(c => c.Value == WaitFor.Ready).Select(c => c.Key).ToArray())
        {
            conditions.Remove(ready);
        }

        return conditions;
    }

    private static ServiceModel[] ResolveServices(WorkspaceDeclarations declarations, NameTable names)
    {
        var services = new List<ServiceModel>();
        foreach (var group in declarations.Services.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            // Each setting: the last declaration that says it.
            string? kind = null, version = null, command = null, database = null, user = null;
            int? port = null;
            HealthCheck? healthCheck = null;
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var service in group)
            {
                kind = service.KindSetting?.Value ?? kind;
                version = service.VersionSetting?.Value ?? version;
                command = service.CommandSetting?.Value ?? command;
                database = service.DatabaseSetting?.Value ?? database;
                user = service.UserSetting?.Value ?? user;
                port = service.PortSetting?.Value ?? port;
                healthCheck = service.HealthCheckSetting ?? healthCheck;
                AddAll(env, service.EnvVars);
            }

            kind ??= ServiceKinds.IsKnown(group.Key) ? group.Key : null;
            services.Add(new ServiceModel(group.Key, kind, version, port ?? ServiceKinds.DefaultPort(kind), new SortedMap<string>(env), healthCheck, Implicit: false)
            {
                Command = command,
                Database = database,
                User = user,
            });
        }

        foreach (var name in names.ImplicitServices.Keys)
        {
            services.Add(new ServiceModel(name, name, null, ServiceKinds.DefaultPort(name), SortedMap<string>.Empty, null, Implicit: true));
        }

        return services.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The declared shells plus, unless the script declares one, a <c>default</c> shell of every project.</summary>
    private static ShellModel[] ResolveShells(WorkspaceDeclarations declarations, IReadOnlyList<ProjectModel> projects, ConnectionEnv connections)
    {
        var byName = projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var shells = new List<ShellModel>();
        foreach (var shell in declarations.Shells)
        {
            shells.Add(Shell(shell.Name, shell.Projects.Distinct().ToArray(), byName, connections));
        }

        if (shells.All(s => s.Name != "default"))
        {
            shells.Add(Shell("default", projects.Select(p => p.Name).ToArray(), byName, connections));
        }

        return shells.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A shell sees its projects' env vars namespaced (<see cref="EnvNamespacing"/>), references filled in.</summary>
    private static ShellModel Shell(string name, string[] members, Dictionary<string, ProjectModel> projects, ConnectionEnv connections)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (projects.TryGetValue(member, out var project))
            {
                foreach (var (key, value) in project.Env)
                {
                    env[EnvNamespacing.Namespaced(member, key)] = connections.Fill(value);
                }
            }
        }

        return new ShellModel(name, members, new SortedMap<string>(env));
    }

    /// <summary>Env vars as declared, the last value of a repeated name winning, in name order.</summary>
    private static SortedMap<string> Sorted(IReadOnlyList<EnvDeclaration> vars)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        AddAll(env, vars);
        return new SortedMap<string>(env);
    }

    private static void AddAll(Dictionary<string, string> env, IReadOnlyList<EnvDeclaration> vars)
    {
        foreach (var variable in vars)
        {
            env[variable.Key] = variable.Value;
        }
    }
}
