using System.Net;
using System.Text.RegularExpressions;
using Procurator.Model;

namespace Procurator.Graph.Formats;

/// <summary>
/// The graph as one self-contained html page: the layout and details as JSON, drawn by a small
/// hand-written script into inline SVG. Its Content-Security-Policy allows no request at all,
/// so the page works offline and cannot leak what it shows.
/// </summary>
internal static partial class HtmlWriter
{
    public static string Write(WorkspaceGraph graph, WorkspaceModel model)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = WebUtility.HtmlEncode($"{model.Name}: dependency graph"),
            ["style"] = Resource("graph.css"),
            ["script"] = Resource("graph.js"),
            ["data"] = HtmlGraphData.Write(graph, model),
        };

        // One pass over the template: a placeholder inside the data is never expanded.
        return Placeholder().Replace(Resource("graph.html"), match => parts[match.Groups[1].Value]);
    }

    private static string Resource(string name)
    {
        var resource = $"graph/{name}";
        using var stream = typeof(HtmlWriter).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the engine assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\{(title|style|script|data)\}\}")]
    private static partial Regex Placeholder();
}
