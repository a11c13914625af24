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
    public static string Render(WorkspaceModel model, string scriptPath, TemplateSource templates)
    {
        var services = model.Services
            .Select(s => (Service: s, Container: ServiceContainers.For(s)))
            .Where(s => s.Container is not null)
            .ToArray();
        var view = new ScriptObject
        {
            ["gh"] = "${{",
            ["script"] = Yaml.Quote(scriptPath),
            ["projects_json"] = Yaml.Quote(ProjectsJson(model, services.Select(s => s.Service.Name).ToArray())),
            ["services"] = services.Select(s => ServiceView(s.Service, s.Container!)).ToArray(),
            ["skipped"] = model.Services.Where(s => ServiceContainers.For(s) is null).Select(s => s.Name).ToArray(),
        };

        return GeneratedFileCheck.Yaml("GitHub workflow", templates.Render("github-workflow.yml.scriban", view));
    }

    /// <summary>
    /// Per project: its checks as one shell command, and for each service with a container
    /// the image to start (empty: GitHub skips that container for this project).
    /// </summary>
    private static string ProjectsJson(WorkspaceModel model, IReadOnlyList<string> containerServices)
    {
        var images = model.Services.ToDictionary(s => s.Name, s => ServiceContainers.For(s)?.Image ?? string.Empty, StringComparer.Ordinal);
        var projects = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var project in model.Projects)
        {
            var entry = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["project"] = project.Name,
                ["path"] = project.Path,
                ["checks"] = project.Checks.Count == 0
                    ? $"echo 'project {project.Name} declares no checks'"
                    : string.Join(" && ", project.Checks.Select(c => $"( {c.Command} )")),
            };
            foreach (var service in containerServices)
            {
                entry[service] = project.DependsOn.Contains(service) ? images[service] : string.Empty;
            }

            projects[project.Name] = entry;
        }

        return JsonSerializer.Serialize(projects, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static ScriptObject ServiceView(ServiceModel service, ServiceContainer container) => new()
    {
        ["key"] = service.Name,
        ["image_expression"] = Yaml.Quote($"${{{{ matrix['{service.Name}'] }}}}"),
        ["port"] = Yaml.Quote($"{service.Port ?? container.ContainerPort}:{container.ContainerPort}"),
        ["env"] = container.Env.Select(e => new ScriptObject { ["key"] = Yaml.Quote(e.Key), ["value"] = Yaml.Quote(e.Value) }).ToArray(),
        ["options"] = container.HealthCommand is null
            ? null
            : Yaml.Quote($"--health-cmd \"{container.HealthCommand}\" --health-interval 2s --health-timeout 5s --health-retries 30"),
    };
}
