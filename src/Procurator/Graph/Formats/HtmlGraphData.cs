using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Procurator.Model;

namespace Procurator.Graph.Formats;

/// <summary>
/// The data the html page draws: placed nodes with their side-panel details, edges, kinds.
/// Written as JSON that is safe inside a <c>&lt;script&gt;</c> element: no <c>&lt;</c> at all,
/// so no name or description can close the element or open a comment.
/// </summary>
internal static class HtmlGraphData
{
    public static string Write(WorkspaceGraph graph, WorkspaceModel model)
    {
        var placements = GraphLayout.Compute(graph).ToDictionary(p => p.Id, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteStartObject("workspace");
            json.WriteString("name", model.Name);
            json.WriteString("description", model.Description);
            json.WriteEndObject();
            WriteKinds(json, graph);
            WriteNodes(json, graph, model, placements);
            WriteEdges(json, graph);
            json.WriteNumber("width", placements.Values.Select(p => p.X + p.Width).DefaultIfEmpty(0).Max());
            json.WriteNumber("height", placements.Values.Select(p => p.Y + p.Height).DefaultIfEmpty(0).Max());
            json.WriteEndObject();
        }

        // '<', '>' and '&' only occur inside JSON strings, where \uXXXX means the same character.
        return Encoding.UTF8.GetString(stream.ToArray())
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
    }

    private static void WriteKinds(Utf8JsonWriter json, WorkspaceGraph graph)
    {
        json.WriteStartArray("kinds");
        foreach (var kind in NodeKinds.All)
        {
            var count = graph.Nodes.Count(n => n.Kind == kind);
            if (count > 0)
            {
                json.WriteStartObject();
                json.WriteString("kind", kind);
                json.WriteString("title", KindLabels.Plural(kind));
                json.WriteNumber("count", count);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteNodes(Utf8JsonWriter json, WorkspaceGraph graph, WorkspaceModel model, Dictionary<string, NodePlacement> placements)
    {
        json.WriteStartArray("nodes");
        foreach (var node in graph.Nodes)
        {
            var place = placements[node.Id];
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("kind", node.Kind);
            json.WriteString("name", node.Name);
            json.WriteString("label", KindLabels.Label(node));
            json.WriteNumber("layer", place.Layer);
            json.WriteNumber("x", place.X);
            json.WriteNumber("y", place.Y);
            json.WriteNumber("w", place.Width);
            json.WriteNumber("h", place.Height);
            json.WriteStartArray("details");
            foreach (var row in NodeDetails.Of(node, model))
            {
                json.WriteStartObject();
                json.WriteString("title", row.Title);
                json.WriteStartArray("values");
                foreach (var value in row.Values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteEdges(Utf8JsonWriter json, WorkspaceGraph graph)
    {
        json.WriteStartArray("edges");
        foreach (var edge in graph.Edges)
        {
            json.WriteStartObject();
            json.WriteString("source", edge.Source);
            json.WriteString("target", edge.Target);
            json.WriteString("kind", edge.Kind);
            json.WriteBoolean("dashed", KindLabels.IsDashed(edge));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
