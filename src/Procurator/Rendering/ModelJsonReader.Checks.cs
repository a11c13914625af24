using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Shared;
using Procurator.Validation;

namespace Procurator.Rendering;

/// <summary>
/// What <c>run</c> validates, checked again on a model file read back for <c>up --model</c>: the file
/// may have been edited by hand, and the manager must never start (or crash on) a workspace that
/// <c>run</c> would have refused. Each problem has <c>run</c>'s code, at its place in the file.
/// </summary>
internal sealed partial class ModelJsonReader
{
    private void Check(WorkspaceModel model)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        void Name(string kind, string name, string at)
        {
            if (!WorkspaceValidator.IsName(name))
            {
                Problem(ErrorCodes.InvalidName, at, $"{kind} name '{Visible.Text(name)}' is invalid: names match ^[a-z][a-z0-9-]*$");
            }
            else if (!declared.TryAdd(name, kind))
            {
                Problem(ErrorCodes.DuplicateName, at, declared[name] == kind ? $"{kind} '{name}' is declared twice" : $"'{name}' is declared both as a {declared[name]} and as a {kind}");
            }
        }

        for (var i = 0; i < model.Projects.Count; i++)
        {
            Name("project", model.Projects[i].Name, $"$.projects[{i}].name");
        }

        for (var i = 0; i < model.Services.Count; i++)
        {
            Name("service", model.Services[i].Name, $"$.services[{i}].name");
            if (model.Services[i].Port is { } port)
            {
                CheckPort(port, $"$.services[{i}].port", $"service '{model.Services[i].Name}'");
            }
        }

        for (var i = 0; i < model.Externals.Count; i++)
        {
            Name("external", model.Externals[i].Name, $"$.externals[{i}].name");
        }

        for (var i = 0; i < model.Projects.Count; i++)
        {
            CheckProject(model, model.Projects[i], $"$.projects[{i}]");
        }

        CheckCycles(model);
    }

    private void CheckProject(WorkspaceModel model, ProjectModel project, string at)
    {
        for (var p = 0; p < project.Ports.Count; p++)
        {
            CheckPort(project.Ports[p], $"{at}.ports[{p}]", $"project '{project.Name}'");
        }

        if (Path.IsPathRooted(project.Path) || project.Path.Contains('\0', StringComparison.Ordinal) || Escapes(project.Path))
        {
            Problem(ErrorCodes.ProjectOutsideWorkspace, $"{at}.path",
                $"path '{Visible.Text(project.Path)}' of project '{project.Name}' is not a folder inside the workspace");
        }

        for (var d = 0; d < project.DependsOn.Count; d++)
        {
            var name = project.DependsOn[d];
            if (!model.Projects.Any(p => p.Name == name) && !model.Services.Any(s => s.Name == name) && !model.Externals.Any(e => e.Name == name))
            {
                Problem(ErrorCodes.UnknownDependency, $"{at}.dependsOn[{d}]", $"project '{project.Name}' depends on '{Visible.Text(name)}', which is not declared");
            }
        }

        foreach (var (key, value) in project.Env)
        {
            foreach (var reference in Connections.ConnectionReference.FindAll(value))
            {
                if (!model.Services.Any(s => s.Name == reference.Service) || reference.Part is null)
                {
                    Problem(ErrorCodes.UnknownConnectionReference, $"{at}.env.{key}",
                        $"env var {key} of project '{project.Name}' refers to ${{{Visible.Text(reference.Service)}.{Visible.Text(reference.PartName)}}}, which names no declared service's host, port, url, user or database");
                }
            }
        }

        for (var d = 0; d < project.BuildDependsOn.Count; d++)
        {
            if (!model.Projects.Any(p => p.Name == project.BuildDependsOn[d]))
            {
                Problem(ErrorCodes.UnknownBuildDependency, $"{at}.buildDependsOn[{d}]",
                    $"project '{project.Name}' build-depends on '{Visible.Text(project.BuildDependsOn[d])}', which is not a declared project");
            }
        }

        var processes = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < project.Processes.Count; p++)
        {
            var process = project.Processes[p];
            if (!WorkspaceValidator.IsName(process.Name) || !processes.Add(process.Name))
            {
                Problem(processes.Contains(process.Name) && WorkspaceValidator.IsName(process.Name) ? ErrorCodes.DuplicateName : ErrorCodes.InvalidName,
                    $"{at}.processes[{p}].name", $"process name '{Visible.Text(process.Name)}' of project '{project.Name}' is invalid or used twice");
            }

            if (string.IsNullOrWhiteSpace(process.Command))
            {
                Problem(ErrorCodes.InvalidValue, $"{at}.processes[{p}].command", $"command of process '{process.Name}' in project '{project.Name}' is empty");
            }
        }

        if (_badRestarts.TryGetValue(at, out var restart))
        {
            Problem(ErrorCodes.InvalidValue, $"{at}.restart", $"restart '{Visible.Text(restart)}' of project '{project.Name}': {RestartModes.Expected}");
        }

        if (project.Image is { } image && WorkspaceValidator.ImageProblem(image) is { } imageProblem)
        {
            Problem(ErrorCodes.InvalidImage, $"{at}.image", $"image '{Visible.Text(image)}' of project '{project.Name}': {imageProblem}");
        }

        if (project.Replicas is < 0 or > WorkspaceValidator.MaxReplicas)
        {
            Problem(ErrorCodes.InvalidDeploySetting, $"{at}.replicas", $"replicas {project.Replicas} of project '{project.Name}' must be between 0 and {WorkspaceValidator.MaxReplicas}");
        }

        foreach (var quantity in new[] { project.Resources?.Cpu, project.Resources?.Memory })
        {
            if (quantity is not null && !WorkspaceValidator.IsQuantity(quantity))
            {
                Problem(ErrorCodes.InvalidDeploySetting, $"{at}.resources", $"'{Visible.Text(quantity)}' in the resources of project '{project.Name}' is not a Kubernetes quantity");
            }
        }
    }

    private void CheckPort(int port, string at, string owner)
    {
        if (port is < 1 or > 65535)
        {
            Problem(ErrorCodes.PortOutOfRange, at, $"port {port} of {owner} is out of range (1-65535)");
        }
    }

    /// <summary>A relative path that climbs above its start (<c>../x</c>, <c>a/../../x</c>).</summary>
    private static bool Escapes(string path)
    {
        var depth = 0;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            depth += part switch { ".." => -1, "." => 0, _ => 1 };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runtime dependency cycles between projects, each reported once at its first project (in file order).</summary>
    private void CheckCycles(WorkspaceModel model)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < model.Projects.Count; i++)
        {
            index.TryAdd(model.Projects[i].Name, i);
        }

        var successors = new List<int>[model.Projects.Count];
        for (var i = 0; i < successors.Length; i++)
        {
            successors[i] = [];
            foreach (var name in model.Projects[i].DependsOn.Concat(model.Projects[i].BuildDependsOn))
            {
                if (index.TryGetValue(name, out var target))
                {
                    successors[i].Add(target);
                }
            }
        }

        CycleFinder.DepthFirst(successors, path =>
            Problem(ErrorCodes.DependencyCycle, $"$.projects[{path[0]}].dependsOn",
                $"dependency cycle: {string.Join(" -> ", path.Select(n => model.Projects[n].Name))}"));
    }

    private void Problem(string code, string at, string message) =>
        _diagnostics.Add(Diagnostic.Error(code, message, _positions.At(at)));
}
