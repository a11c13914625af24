using System.Globalization;
using Procurator.Model;

namespace Procurator.Connections;

/// <summary>
/// The environment a project's processes get, the same under <c>procurator up</c>, in its dev
/// shell and app, in <c>procurator.json</c> and (with cluster host names) in an export:
/// for each direct dependency <c>&lt;DEP&gt;_HOST</c> and <c>&lt;DEP&gt;_PORT</c>, and for a service
/// also <c>_URL</c>, <c>_USER</c> and <c>_DATABASE</c> where its kind has them; the kind's standard
/// client variables (<c>PGHOST</c>, …) when exactly one dependency is of that kind; then the
/// project's own env, references filled in, which wins over all of these.
/// </summary>
internal sealed class ConnectionEnv
{
    private readonly Dictionary<string, ServiceModel> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectModel> _projects = new(StringComparer.Ordinal);
    private readonly Func<string, string> _hostOf;

    /// <param name="services">The workspace's services.</param>
    /// <param name="projects">The workspace's projects.</param>
    /// <param name="hostOf">The host name a service or project is reached by, from its name.</param>
    public ConnectionEnv(IReadOnlyList<ServiceModel> services, IReadOnlyList<ProjectModel> projects, Func<string, string> hostOf)
    {
        foreach (var service in services)
        {
            _services[service.Name] = service;
        }

        foreach (var project in projects)
        {
            _projects[project.Name] = project;
        }

        _hostOf = hostOf;
    }

    /// <summary>For <c>procurator up</c> and the dev shells: everything on loopback.</summary>
    public static ConnectionEnv Local(WorkspaceModel model) => Local(model.Services, model.Projects);

    /// <inheritdoc cref="Local(WorkspaceModel)"/>
    public static ConnectionEnv Local(IReadOnlyList<ServiceModel> services, IReadOnlyList<ProjectModel> projects) =>
        new(services, projects, static _ => ServiceConnection.LocalHost);

    /// <summary>The connection to the service named <paramref name="name"/>, or null.</summary>
    public ServiceConnection? Service(string name) =>
        _services.TryGetValue(name, out var service) ? ServiceConnection.For(service, _hostOf(name)) : null;

    /// <summary>The whole environment of <paramref name="project"/>'s processes, sorted by name.</summary>
    public SortedMap<string> For(ProjectModel project) => new(Unsorted(project));

    /// <summary>The same, in a dictionary the caller may add to (and sort when done).</summary>
    public Dictionary<string, string> Unsorted(ProjectModel project)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var clients = new Dictionary<string, IReadOnlyList<EnvVariable>?>(StringComparer.Ordinal);
        foreach (var name in project.DependsOn)
        {
            var prefix = EnvNamespacing.Prefix(name);
            if (Service(name) is { } connection)
            {
                env[$"{prefix}_HOST"] = connection.Host;
                env[$"{prefix}_PORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
                AddIfSet(env, $"{prefix}_URL", connection.Url);
                AddIfSet(env, $"{prefix}_USER", connection.User);
                AddIfSet(env, $"{prefix}_DATABASE", connection.Database);
                var kind = _services[name].Kind ?? "";
                // Two dependencies of one kind would fight over PGHOST and the like: then neither sets them.
                clients[kind] = clients.ContainsKey(kind) ? null : connection.ClientVariables;
            }
            else if (_projects.TryGetValue(name, out var dependency) && dependency.Ports.Count > 0)
            {
                env[$"{prefix}_HOST"] = _hostOf(name);
                env[$"{prefix}_PORT"] = dependency.Ports[0].ToString(CultureInfo.InvariantCulture);
            }
        }

        foreach (var variables in clients.Values)
        {
            foreach (var variable in variables ?? [])
            {
                env.TryAdd(variable.Name, variable.Value);
            }
        }

        foreach (var (key, value) in project.Env)
        {
            env[key] = Fill(value);
        }

        return env;
    }

    /// <summary><paramref name="value"/> with its references filled in; one that names nothing stays as written.</summary>
    public string Fill(string value) =>
        ConnectionReference.Fill(value, reference => reference.Part is { } part ? Service(reference.Service)?.Part(part) : null);

    private static void AddIfSet(Dictionary<string, string> env, string key, string? value)
    {
        if (value is not null)
        {
            env[key] = value;
        }
    }
}
