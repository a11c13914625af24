using System.Globalization;
using Procurator.Connections;
using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Output.Export;
using Procurator.Output.Manifests;

namespace Procurator.Output.Targets.Kubernetes;

/// <summary>
/// The workspace as Kubernetes objects: per project a Deployment (a container per long-running
/// process), a Service for its ports, a ConfigMap of its env and a Job per task; per backing
/// service a StatefulSet of its kind's official image, a PersistentVolumeClaim and a Service. The
/// env of a dependent comes from <see cref="ConnectionEnv"/> with each Service's name as host, so it
/// is what <c>procurator up</c> gives with cluster names. Order: the deployment plan's waves as
/// Argo CD sync waves, and an init container per dependency a project waits for until ready.
/// </summary>
internal sealed partial class KubernetesManifests
{
    /// <summary>The image of the init containers that wait for a dependency's Service (its <c>nc</c>).</summary>
    public const string WaitImage = "busybox:1.36";

    public const string SyncWave = "argocd.argoproj.io/sync-wave";

    private readonly WorkspaceModel _model;
    private readonly ExportLocations _at;
    private readonly ConnectionEnv _connections;
    private readonly Dictionary<string, int> _waves;
    private readonly string _partOf;
    private readonly List<ManifestObject> _objects = [];
    private readonly List<Diagnostic> _diagnostics = [];

    private KubernetesManifests(OutputContext context)
    {
        _model = context.Model;
        _at = new ExportLocations(context);
        // In-namespace DNS: a Service is reached by its name from any pod of the same namespace.
        _connections = new ConnectionEnv(_model.Services, _model.Projects, name => name);
        _waves = ExportWaves.Of(_model);
        _partOf = ExportNames.Label(_model.Name);
    }

    /// <summary>Every object, sorted by file name.</summary>
    public IReadOnlyList<ManifestObject> Objects => _objects;

    /// <summary>Errors (a project without an image, names Kubernetes refuses) and warnings (what the export cannot say).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public static KubernetesManifests Build(OutputContext context)
    {
        var manifests = new KubernetesManifests(context);
        foreach (var service in manifests._model.Services)
        {
            manifests.AddService(service);
        }

        foreach (var project in manifests._model.Projects)
        {
            manifests.AddProject(project);
        }

        manifests.CheckNames();
        manifests._objects.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return manifests;
    }

    private void AddService(ServiceModel service)
    {
        if (ServiceWorkload.For(service) is not { } workload)
        {
            _diagnostics.Add(Diagnostic.Warning(ErrorCodes.NotExported, ServiceWorkload.WhyNone(service), _at.Of(service.Name)));
            return;
        }

        var notes = new List<string>();
        var wave = Wave(service.Name, 0);
        var container = new YamlMap()
            .Add("name", service.Name)
            .Add("image", workload.Image)
            .AddList("env", EnvList(workload.Env))
            .Add("ports", new List<object> { Port(workload.ContainerPort) });
        AddProbes(container, service.HealthCheck, service.Name, workload.HealthCommand, workload.InContainer, notes);
        var pod = new YamlMap();
        if (workload.DataPath is { } dataPath)
        {
            // A sub-folder of the volume: a fresh volume's lost+found would stop postgres' and mysql's initdb.
            container.Add("volumeMounts", new List<object> { new YamlMap().Add("name", "data").Add("mountPath", dataPath).Add("subPath", "data") });
            pod.Add("volumes", new List<object> { new YamlMap().Add("name", "data").Add("persistentVolumeClaim", new YamlMap().Add("claimName", DataClaim(service.Name))) });
            Add("PersistentVolumeClaim", DataClaim(service.Name), service.Name, "v1", wave, "service", new YamlMap()
                .Add("accessModes", new List<object> { "ReadWriteOnce" })
                .Add("resources", new YamlMap().Add("requests", new YamlMap().Add("storage", "1Gi"))), []);
        }

        var podSpec = new YamlMap().Add("containers", new List<object> { container });
        foreach (var entry in pod.Entries)
        {
            podSpec.Add(entry.Key, entry.Value);
        }

        Add("StatefulSet", service.Name, service.Name, "apps/v1", wave, "service", new YamlMap()
            .Add("serviceName", service.Name)
            .Add("replicas", 1)
            .Add("selector", new YamlMap().Add("matchLabels", Selector(service.Name)))
            .Add("template", new YamlMap()
                .Add("metadata", new YamlMap().Add("labels", Labels(service.Name, "service")))
                .Add("spec", podSpec)), notes);
        AddServiceObject(service.Name, "service", wave, [(workload.Port, workload.ContainerPort)]);
    }

    private static string DataClaim(string service) => $"{service}-data";

    private void AddServiceObject(string name, string component, int wave, IReadOnlyList<(int Port, int Target)> ports)
    {
        var list = new List<object>();
        foreach (var (port, target) in ports)
        {
            list.Add(new YamlMap().Add("name", PortName(port)).Add("port", port).Add("targetPort", target).Add("protocol", "TCP"));
        }

        Add("Service", name, name, "v1", wave, component, new YamlMap()
            .Add("selector", Selector(name))
            .Add("ports", list), []);
    }

    private void AddProbes(YamlMap container, HealthCheck? check, string owner, string? fallbackCommand, Func<int, int> containerPort, List<string> notes)
    {
        ProbeSet? probes = null;
        if (check is not null)
        {
            probes = Probes.For(check, containerPort);
            if (probes is null)
            {
                notes.Add(Probes.NoProbe(check));
                _diagnostics.Add(Diagnostic.Warning(ErrorCodes.NotExported, $"{owner}: {Probes.NoProbe(check)}", _at.Of(check, owner)));
            }
        }
        else if (fallbackCommand is not null)
        {
            probes = Probes.ForCommand(fallbackCommand);
        }

        if (probes is not null)
        {
            container.Add("startupProbe", probes.Startup).Add("readinessProbe", probes.Readiness).Add("livenessProbe", probes.Liveness);
        }
    }

    /// <summary>A sync wave: two per plan wave, so a project's ConfigMap and Jobs come before its Deployment.</summary>
    private int Wave(string name, int step) => (_waves.TryGetValue(name, out var wave) ? wave : 0) * 2 + step;

    private void Add(string kind, string name, string owner, string apiVersion, int wave, string component, YamlMap spec, IReadOnlyList<string> notes, string specKey = "spec")
    {
        var body = new YamlMap()
            .Add("apiVersion", apiVersion)
            .Add("kind", kind)
            .Add("metadata", new YamlMap()
                .Add("name", name)
                .Add("labels", Labels(owner == name ? name : owner, component))
                .Add("annotations", new YamlMap().Add(SyncWave, wave.ToString(CultureInfo.InvariantCulture))))
            .Add(specKey, spec);
        _objects.Add(new ManifestObject(kind, name, owner, body, notes));
    }

    private YamlMap Labels(string name, string component) => new YamlMap()
        .Add("app.kubernetes.io/name", name)
        .Add("app.kubernetes.io/component", component)
        .Add("app.kubernetes.io/part-of", _partOf)
        .Add("app.kubernetes.io/managed-by", "procurator");

    private YamlMap Selector(string name) => new YamlMap()
        .Add("app.kubernetes.io/name", name)
        .Add("app.kubernetes.io/part-of", _partOf);

    private static YamlMap Port(int port) => new YamlMap().Add("name", PortName(port)).Add("containerPort", port).Add("protocol", "TCP");

    /// <summary>A port's name: at most 15 characters with a letter (<c>port-8080</c>).</summary>
    private static string PortName(int port) => string.Create(CultureInfo.InvariantCulture, $"port-{port}");

    private static List<object> EnvList(IEnumerable<KeyValuePair<string, string>> env)
    {
        var list = new List<object>();
        foreach (var (key, value) in env)
        {
            list.Add(new YamlMap().Add("name", key).Add("value", value));
        }

        return list;
    }
}
