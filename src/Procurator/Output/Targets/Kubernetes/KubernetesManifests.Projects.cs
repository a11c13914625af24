using System.Globalization;
using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Output.Export;
using Procurator.Output.Manifests;

namespace Procurator.Output.Targets.Kubernetes;

internal sealed partial class KubernetesManifests
{
    private void AddProject(ProjectModel project)
    {
        if (WorkloadImage.For(_model, project) is not { } image)
        {
            _diagnostics.Add(Diagnostic.Error(ErrorCodes.NoImageSource, WorkloadImage.NoImageMessage(project), _at.Of(project.Name)));
            return;
        }

        var wave = Wave(project.Name, 0);
        var env = _connections.For(project);
        if (env.Count > 0)
        {
            Add("ConfigMap", EnvConfigMap(project.Name), project.Name, "v1", wave, "project", YamlMap.Of(env), [], specKey: "data");
        }

        var notes = new List<string> { ImageNote(image, project.Name) };
        var secret = SecretOf(project, notes);
        var initContainers = WaitContainers(project, notes);
        foreach (var task in project.Processes.Where(p => p.OneShot))
        {
            AddJob(project, task, image, env.Count > 0, secret, initContainers, wave);
        }

        var containers = new List<object>();
        var longRunning = project.Processes.Where(p => !p.OneShot).ToArray();
        foreach (var process in longRunning)
        {
            containers.Add(Container(process.Name, image, ["/bin/sh", "-c", process.Command], project, env.Count > 0, secret));
        }

        if (containers.Count == 0 && project.Processes.Count > 0)
        {
            // Tasks only (a migration project): its Jobs are all it runs.
            return;
        }

        if (containers.Count == 0)
        {
            // No process: the image's own entrypoint (a named image's, or the flake package's main program).
            containers.Add(Container(project.Name, image, null, project, env.Count > 0, secret));
        }

        var first = (YamlMap)containers[0];
        if (project.HealthChecks.Count > 0)
        {
            AddProbes(first, project.HealthChecks[0], project.Name, null, port => port, notes);
            if (project.HealthChecks.Count > 1)
            {
                notes.Add($"only the first of its {project.HealthChecks.Count} health checks is a probe: a container has one readiness probe");
            }
        }

        var podSpec = new YamlMap().AddList("initContainers", initContainers).Add("containers", containers);
        Add("Deployment", project.Name, project.Name, "apps/v1", wave + 1, "project", new YamlMap()
            .Add("replicas", project.Replicas ?? 1)
            .Add("selector", new YamlMap().Add("matchLabels", Selector(project.Name)))
            .Add("template", new YamlMap()
                .Add("metadata", new YamlMap().Add("labels", Labels(project.Name, "project")))
                .Add("spec", podSpec)), notes);
        if (project.Ports.Count > 0)
        {
            var ports = new List<(int, int)>();
            foreach (var port in project.Ports)
            {
                ports.Add((port, port));
            }

            AddServiceObject(project.Name, "project", wave + 1, ports);
        }
    }

    private static string EnvConfigMap(string project) => $"{project}-env";

    /// <summary>
    /// The one place a project's secrets (<c>Project(...).Secret("NAME")</c>) reach the cluster: a
    /// Secret named <c>&lt;project&gt;-secrets</c> that every container and Job takes through
    /// <c>envFrom.secretRef</c>. The export never writes it (its values would sit in plain text in
    /// the folder); the note on the workload says how to create it. Null: the project has none.
    /// </summary>
    private static string? SecretOf(ProjectModel project, List<string> notes)
    {
        if (project.Secrets.Count == 0)
        {
            return null;
        }

        var name = $"{project.Name}-secrets";
        notes.Add($"its secrets ({string.Join(", ", project.Secrets.Select(s => s.Name))}) come from the Secret {name}, which the export does not write: " +
            $"kubectl create secret generic {name} --from-env-file=.env (or --from-literal=NAME=value for each)");
        return name;
    }

    private YamlMap Container(string name, WorkloadImage image, string[]? command, ProjectModel project, bool hasEnv, string? secret)
    {
        var envFrom = new List<object>();
        if (hasEnv)
        {
            envFrom.Add(new YamlMap().Add("configMapRef", new YamlMap().Add("name", EnvConfigMap(project.Name))));
        }

        if (secret is not null)
        {
            envFrom.Add(new YamlMap().Add("secretRef", new YamlMap().Add("name", secret)));
        }

        var ports = new List<object>();
        foreach (var port in project.Ports)
        {
            ports.Add(Port(port));
        }

        return new YamlMap()
            .Add("name", name)
            .Add("image", image.Reference)
            .Add("imagePullPolicy", image.BuiltByFlake ? "IfNotPresent" : null)
            .Add("command", command?.Cast<object>().ToList())
            .AddList("envFrom", envFrom)
            .AddList("ports", ports)
            .AddMap("resources", Resources(project.Resources));
    }

    /// <summary>CPU and memory requested, memory also the limit (see <c>ProjectBuilder.Resources</c>).</summary>
    private static YamlMap Resources(ResourceRequest? resources)
    {
        if (resources is null)
        {
            return new YamlMap();
        }

        var requests = new YamlMap().Add("cpu", resources.Cpu).Add("memory", resources.Memory);
        var limits = new YamlMap().Add("memory", resources.Memory);
        return new YamlMap().AddMap("requests", requests).AddMap("limits", limits);
    }

    private void AddJob(ProjectModel project, ProcessModel task, WorkloadImage image, bool hasEnv, string? secret, List<object> initContainers, int wave)
    {
        var name = $"{project.Name}-{task.Name}";
        var pod = new YamlMap()
            .Add("restartPolicy", "Never")
            .AddList("initContainers", initContainers)
            .Add("containers", new List<object> { Container(task.Name, image, ["/bin/sh", "-c", task.Command], project, hasEnv, secret) });
        Add("Job", name, project.Name, "batch/v1", wave, "task", new YamlMap()
            // procurator up runs a task once and fails on a non-zero exit; a cluster retries twice (a node may go away).
            .Add("backoffLimit", 2)
            .Add("template", new YamlMap()
                .Add("metadata", new YamlMap().Add("labels", Labels(name, "task")))
                .Add("spec", pod)), [ImageNote(image, project.Name)]);
    }

    /// <summary>
    /// An init container per dependency waited for until ready (the default) that has an address:
    /// it waits until the dependency's Service accepts connections. Started needs nothing; Completed
    /// has no in-cluster wait without API access, so the sync waves order it, as the notes say.
    /// </summary>
    private List<object> WaitContainers(ProjectModel project, List<string> notes)
    {
        var containers = new List<object>();
        foreach (var dependency in project.DependsOn)
        {
            var condition = project.DependencyConditions.TryGetValue(dependency, out var set) ? set : WaitFor.Ready;
            if (condition == WaitFor.Completed)
            {
                notes.Add($"waits for {dependency} to complete under procurator up; here only the sync waves put {dependency}'s Jobs first");
                continue;
            }

            if (condition != WaitFor.Ready || Address(dependency) is not { } port)
            {
                continue;
            }

            var target = string.Create(CultureInfo.InvariantCulture, $"{dependency} {port}");
            containers.Add(new YamlMap()
                .Add("name", $"wait-for-{dependency}")
                .Add("image", WaitImage)
                .Add("command", new List<object>
                {
                    "/bin/sh", "-c",
                    string.Create(CultureInfo.InvariantCulture, $"until nc -z -w 2 {target}; do echo waiting for {dependency}:{port}; sleep 2; done"),
                }));
        }

        return containers;
    }

    /// <summary>The port dependents reach <paramref name="name"/> on: a service's, or a project's first; null for externals and port-less projects.</summary>
    private int? Address(string name)
    {
        if (_connections.Service(name) is { } service)
        {
            return service.Port;
        }

        return _model.Projects.FirstOrDefault(p => p.Name == name) is { Ports.Count: > 0 } project ? project.Ports[0] : null;
    }

    private static string ImageNote(WorkloadImage image, string project) => image.BuiltByFlake
        ? $"image {image.Reference}: built by the master flake (nix build .#{WorkloadImage.FlakePackage(project)}), then loaded or pushed; retag it with `kustomize edit set image`"
        : $"image {image.Reference}: named by the script (.Image)";
}
