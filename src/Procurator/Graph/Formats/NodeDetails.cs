using System.Globalization;
using Procurator.Model;

namespace Procurator.Graph.Formats;

/// <summary>One row of the html page's side panel: a title and its values.</summary>
internal sealed record DetailRow(string Title, IReadOnlyList<string> Values);

/// <summary>
/// What the html page's side panel shows about a node, from the model. Env vars appear by
/// name only: their values may be secrets, and a graph page is made to be shared.
/// </summary>
internal static class NodeDetails
{
    public static IReadOnlyList<DetailRow> Of(GraphNode node, WorkspaceModel model)
    {
        var rows = node.Kind switch
        {
            NodeKinds.Project when model.Projects.FirstOrDefault(p => p.Name == node.Name) is { } project => Project(project),
            NodeKinds.Service when model.Services.FirstOrDefault(s => s.Name == node.Name) is { } service => Service(service),
            NodeKinds.External when model.Externals.FirstOrDefault(e => e.Name == node.Name) is { } external => [Row("Flake", external.FlakeRef)],
            NodeKinds.Process => [Row("Project", node.Project)],
            NodeKinds.Package => [Row("Built by project", node.Project)],
            _ => [],
        };
        return rows.Where(r => r.Values.Count > 0).ToArray();
    }

    private static IEnumerable<DetailRow> Project(ProjectModel project) =>
    [
        Row("Description", project.Description),
        Row("Path", project.Path),
        new("Ports", project.Ports.Select(Number).ToArray()),
        new("Env", EnvNames(project.Env)),
        new("Health checks", project.HealthChecks.Select(Describe).ToArray()),
        new("Processes", project.Processes.Select(p => p.Name).ToArray()),
        new("Packages", project.Packages),
    ];

    private static IEnumerable<DetailRow> Service(ServiceModel service) =>
    [
        Row("Kind", service.Kind),
        Row("Version", service.Version),
        Row("Port", service.Port is { } port ? Number(port) : null),
        new("Env", EnvNames(service.Env)),
        Row("Health check", service.HealthCheck is { } check ? Describe(check) : null),
        Row("Declared", service.Implicit ? "implicitly, by a dependency on its kind" : null),
    ];

    private static string[] EnvNames(IReadOnlyDictionary<string, string> env) => env.Keys.Order(StringComparer.Ordinal).ToArray();

    private static string Describe(HealthCheck check) => check switch
    {
        TcpHealthCheck tcp => $"tcp {Number(tcp.Port)}",
        HttpHealthCheck http => $"http {http.Url}".TrimEnd(),
        ExecHealthCheck exec => $"exec {exec.Command}".TrimEnd(),
        LogLineHealthCheck log => $"log /{log.Pattern}/",
        _ => check.Type,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static DetailRow Row(string title, string? value) => new(title, value is null ? [] : [value]);
}
