using System.Globalization;
using Procurator.Compose;
using Procurator.Connections;
using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Output.Export;
using Procurator.Output.Manifests;

namespace Procurator.Output.Targets.Compose;

/// <summary>
/// The workspace as one compose file: a compose service per project (its image, <c>build</c> from its
/// folder so <c>import compose</c> sees a project, its tasks then its processes as the command, env,
/// ports, <c>depends_on</c> with the condition of each <c>WaitFor</c>, its health check) and per backing
/// service (its kind's image, env, the published port, a named volume for its data, the kind's health
/// command). The env comes from <see cref="ConnectionEnv"/> with each service's name as host and the
/// port its container listens on: what a dependent reaches on the compose network.
/// </summary>
internal sealed class ComposeFile
{
    private readonly WorkspaceModel _model;
    private readonly ExportLocations _at;
    private readonly string _directory;
    private readonly ConnectionEnv _connections;
    private readonly Dictionary<string, ServiceWorkload> _workloads = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    private ComposeFile(OutputContext context, string directory)
    {
        _model = context.Model;
        _at = new ExportLocations(context);
        _directory = directory;
        var services = new List<ServiceModel>();
        foreach (var service in _model.Services)
        {
            if (ServiceWorkload.For(service) is { } workload)
            {
                _workloads[service.Name] = workload;
                services.Add(service with { Port = workload.ContainerPort });
            }
            else
            {
                services.Add(service);
                _diagnostics.Add(Diagnostic.Warning(ErrorCodes.NotExported, ServiceWorkload.WhyNone(service), _at.Of(service.Name)));
            }
        }

        // On the compose network a dependent reaches a service's container port, not the published one.
        _connections = new ConnectionEnv(services, _model.Projects, name => name);
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public YamlMap Document { get; } = new();

    /// <param name="context">The workspace.</param>
    /// <param name="directory">The compose file's folder: build contexts are relative to it.</param>
    public static ComposeFile Build(OutputContext context, string directory)
    {
        var file = new ComposeFile(context, directory);
        var services = new YamlMap();
        var volumes = new YamlMap();
        var all = new SortedDictionary<string, YamlMap>(StringComparer.Ordinal);
        foreach (var project in file._model.Projects)
        {
            if (file.Project(project, context) is { } service)
            {
                all[project.Name] = service;
            }
        }

        foreach (var (name, workload) in file._workloads)
        {
            all[name] = file.Service(workload);
            if (workload.DataPath is not null)
            {
                volumes.Add(Volume(name), new YamlMap());
            }
        }

        foreach (var (name, service) in all)
        {
            services.Add(name, service);
        }

        file.Document.Add("name", ExportNames.Label(file._model.Name)).Add("services", services).AddMap("volumes", volumes);
        return file;
    }

    private static string Volume(string service) => $"{service}-data";

    private YamlMap? Project(ProjectModel project, OutputContext context)
    {
        if (WorkloadImage.For(_model, project) is not { } image)
        {
            _diagnostics.Add(Diagnostic.Error(ErrorCodes.NoImageSource, WorkloadImage.NoImageMessage(project), _at.Of(project.Name)));
            return null;
        }

        var folder = Path.GetFullPath(project.Path, context.Layout.OutputDirectory);
        var service = new YamlMap()
            .Add("image", image.Reference)
            .Add("build", new YamlMap().Add("context", Relative(folder)))
            .Add("command", Command(project))
            .AddMap("environment", Escaped(_connections.For(project)))
            .AddList("ports", project.Ports.Select(p => (object)string.Create(CultureInfo.InvariantCulture, $"{p}:{p}")).ToArray())
            .AddMap("depends_on", DependsOn(project));
        if (project.HealthChecks.Count > 0)
        {
            AddHealthCheck(service, project.HealthChecks[0], project.Name);
        }

        // A project of tasks only runs them once; processes restart as under `up` (on failure by default).
        var longRunning = project.Processes.Any(p => !p.OneShot) || project.Processes.Count == 0;
        return service.Add("restart", longRunning ? Restart(project.Restart) : "no");
    }

    private static string Restart(RestartMode? mode) => mode switch
    {
        RestartMode.Always => "always",
        RestartMode.No => "no",
        _ => "on-failure",
    };

    /// <summary>Tasks first (each must succeed), then the processes; none: the image's own entrypoint.</summary>
    private static List<object>? Command(ProjectModel project)
    {
        if (project.Processes.Count == 0)
        {
            return null;
        }

        var tasks = project.Processes.Where(p => p.OneShot).Select(p => $"( {p.Command} )").ToList();
        var processes = project.Processes.Where(p => !p.OneShot).Select(p => p.Command).ToList();
        var run = processes.Count switch
        {
            0 => null,
            1 => $"exec {processes[0]}",
            _ => string.Join(" & ", processes.Select(p => $"( {p} )")) + " & wait",
        };
        var script = string.Join(" && ", tasks.Append(run).OfType<string>());
        return ["/bin/sh", "-c", Dollars(script)];
    }

    private YamlMap DependsOn(ProjectModel project)
    {
        var map = new YamlMap();
        foreach (var dependency in project.DependsOn)
        {
            if (!_workloads.ContainsKey(dependency) && !_model.Projects.Any(p => p.Name == dependency))
            {
                continue; // externals, and services this file does not hold
            }

            var condition = project.DependencyConditions.TryGetValue(dependency, out var set) ? set : WaitFor.Ready;
            map.Add(dependency, new YamlMap().Add("condition", condition switch
            {
                WaitFor.Completed => "service_completed_successfully",
                WaitFor.Ready when HasHealthCheck(dependency) => "service_healthy",
                _ => "service_started",
            }));
        }

        return map;
    }

    private bool HasHealthCheck(string name) =>
        _workloads.TryGetValue(name, out var workload)
            ? workload.Service.HealthCheck is not null and not LogLineHealthCheck || workload.HealthCommand is not null
            : _model.Projects.FirstOrDefault(p => p.Name == name) is { HealthChecks: [not LogLineHealthCheck, ..] };

    private YamlMap Service(ServiceWorkload workload)
    {
        var service = new YamlMap()
            .Add("image", workload.Image)
            .AddMap("environment", Escaped(workload.Env))
            .Add("ports", new List<object> { string.Create(CultureInfo.InvariantCulture, $"{workload.Port}:{workload.ContainerPort}") })
            .AddList("volumes", workload.DataPath is { } path ? [$"{Volume(workload.Service.Name)}:{path}"] : Array.Empty<object>());
        if (workload.Service.HealthCheck is { } check)
        {
            AddHealthCheck(service, check, workload.Service.Name, workload.InContainer);
        }
        else if (workload.HealthCommand is { } command)
        {
            AddHealthCheck(service, new ExecHealthCheck(command), workload.Service.Name);
        }

        return service.Add("restart", "on-failure");
    }

    private void AddHealthCheck(YamlMap service, HealthCheck check, string owner, Func<int, int>? inContainer = null)
    {
        var mapped = check is TcpHealthCheck tcp && inContainer is not null ? new TcpHealthCheck(inContainer(tcp.Port)) : check;
        if (ComposeHealthCommands.Format(mapped) is not { } command)
        {
            _diagnostics.Add(Diagnostic.Warning(ErrorCodes.NotExported, $"{owner}: log-line health check has no compose healthcheck; none is set", _at.Of(check, owner)));
            return;
        }

        service.Add("healthcheck", new YamlMap()
            .Add("test", new List<object> { "CMD-SHELL", Dollars(command) })
            .Add("interval", Duration(check.Period))
            .Add("timeout", Duration(check.Timeout))
            .Add("retries", check.Failures ?? 3));
    }

    private static string Duration(TimeSpan? span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round((span ?? TimeSpan.FromSeconds(2)).TotalMilliseconds)}ms");

    private string Relative(string folder)
    {
        var relative = Path.GetRelativePath(_directory, folder).Replace('\\', '/');
        return relative.StartsWith('.') ? relative : "./" + relative;
    }

    /// <summary>Compose interpolates <c>$</c>: a literal one is <c>$$</c>.</summary>
    private static string Dollars(string text) => text.Replace("$", "$$", StringComparison.Ordinal);

    private static YamlMap Escaped(IEnumerable<KeyValuePair<string, string>> env)
    {
        var map = new YamlMap();
        foreach (var (key, value) in env)
        {
            map.Add(key, Dollars(value));
        }

        return map;
    }
}
