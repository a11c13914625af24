using System.Text.Json;
using Procurator.Model;
using Procurator.Rendering;
using Scriban.Runtime;

namespace Procurator.Ci;

/// <summary>
/// A GitHub Actions workflow for the workspace: a job that runs <c>procurator check</c>
/// (findings uploaded as SARIF), a job that asks <c>procurator affected</c> which projects a
/// change touches, and a matrix over those projects that runs their checks in their dev
/// shells with the service containers they depend on.
/// </summary>
internal static class GithubWorkflow
{
    /// <param name="model">The workspace; its <see cref="WorkspaceModel.ProcuratorFlake"/> must be set (see <see cref="ProcuratorSource"/>).</param>
    /// <param name="scriptPath">The script, relative to the repository root.</param>
    /// <param name="workspaceDirectory">The workspace folder (the master flake's), relative to the repository root; <c>.</c> at the root.</param>
    /// <param name="templates">Where the template comes from.</param>
    public static string Render(WorkspaceModel model, string scriptPath, string workspaceDirectory, TemplateSource templates)
    {
        var services = model.Services
            .Select(s => (Service: s, Container: ServiceContainers.For(s)))
            .Where(s => s.Container is not null)
            .ToArray();
        var view = new ScriptObject
        {
            ["gh"] = "${{",
            ["script"] = Yaml.Text(scriptPath),
            ["workspace_dir"] = Yaml.Text(workspaceDirectory),
            ["procurator_flake"] = Yaml.Text(model.ProcuratorFlake ?? throw new ArgumentException("the workspace names no procurator flake", nameof(model))),
            ["projects_json"] = Yaml.Text(ProjectsJson(model, workspaceDirectory, services.Select(s => s.Service.Name).ToArray())),
            ["services"] = services.Select(s => ServiceView(s.Service, s.Container!)).ToArray(),
            ["skipped"] = model.Services.Where(s => ServiceContainers.For(s) is null).Select(s => s.Name).ToArray(),
        };

        // Parsed as YAML by the output path (Output/Targets/GithubActions) before it is written or printed.
        return templates.Render("github-workflow.yml.scriban", view);
    }

    /// <summary>
    /// Per project: its checks as one shell command, and for each service with a container
    /// the image to start (empty: GitHub skips that container for this project).
    /// </summary>
    private static string ProjectsJson(WorkspaceModel model, string workspaceDirectory, IReadOnlyList<string> containerServices)
    {
        var images = model.Services.ToDictionary(s => s.Name, s => ServiceContainers.For(s)?.Image ?? string.Empty, StringComparer.Ordinal);
        var projects = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var project in model.Projects)
        {
            var entry = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["project"] = project.Name,
                // The step's working-directory, which GitHub takes from the repository root.
                ["path"] = RepositoryPath(workspaceDirectory, project.Path),
                ["checks"] = project.Checks.Count == 0
                    ? $"echo 'project {project.Name} declares no checks'"
                    // Each in a subshell on lines of its own, so a trailing `# comment` in one ends at its line.
                    : string.Join(" && ", project.Checks.Select(c => $"(\n{c.Command}\n)")),
            };
            foreach (var service in containerServices)
            {
                entry[service] = project.DependsOn.Contains(service) ? images[service] : string.Empty;
            }

            projects[project.Name] = entry;
        }

        return JsonSerializer.Serialize(projects, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// Why a GitHub runner could not get <c>procurator</c> for this workspace, or null when it can:
    /// the workflow runs the flake the script names, so there must be one, and the runner must be
    /// able to fetch it (a path on this machine is not on the runner).
    /// </summary>
    public static string? ProcuratorSource(WorkspaceModel model)
    {
        const string Example = "Workspace.ProcuratorFlake(\"github:OWNER/REPO?dir=nix/package\")";
        if (model.ProcuratorFlake is not { } flake)
        {
            return $"the workflow needs a place the runner can get procurator from, and the script names none; add {Example} (a flake whose packages.<system>.default has bin/procurator, such as this repository's nix/package)";
        }

        string[] local = ["path:", "git+file:", "file:", "/", ".", "~"];
        return local.Any(prefix => flake.StartsWith(prefix, StringComparison.Ordinal))
            ? $"the procurator flake '{flake}' is on this machine, and a GitHub runner does not have it; name one the runner can fetch, such as {Example}"
            : null;
    }

    private static string RepositoryPath(string workspaceDirectory, string projectPath)
    {
        var parts = new List<string>();
        foreach (var part in $"{workspaceDirectory}/{projectPath}".Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    private static ScriptObject ServiceView(ServiceModel service, ServiceContainer container) => new()
    {
        ["key"] = service.Name,
        ["image_expression"] = Yaml.Quote($"${{{{ matrix['{service.Name}'] }}}}"),
        ["port"] = Yaml.Quote($"{service.Port ?? container.ContainerPort}:{container.ContainerPort}"),
        ["env"] = container.Env.Select(e => new ScriptObject { ["key"] = Yaml.Text(e.Key), ["value"] = Yaml.Text(e.Value) }).ToArray(),
        ["options"] = container.HealthCommand is null
            ? null
            : Yaml.Quote($"--health-cmd \"{container.HealthCommand}\" --health-interval 2s --health-timeout 5s --health-retries 30"),
    };
}
