using Procurator.Rendering;

namespace Procurator.Graph.Formats;

/// <summary>
/// The graph as JSON: <c>{schemaVersion, nodes[], edges[], layers[][], cycles[]}</c>, sorted,
/// the input of the html page and of tools.
/// </summary>
internal static class GraphJson
{
    public const int SchemaVersion = 1;

    public static string Write(WorkspaceGraph graph, bool indented = true)
    {
        var json = new JsonStringWriter(indented);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartArray("nodes");
        foreach (var node in graph.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("kind", node.Kind);
            json.WriteString("name", node.Name);
            WriteIfSet(json, "version", node.Version);
            WriteIfSet(json, "project", node.Project);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var edge in graph.Edges)
        {
            json.WriteStartObject();
            json.WriteString("source", edge.Source);
            json.WriteString("target", edge.Target);
            json.WriteString("kind", edge.Kind);
            WriteIfSet(json, "condition", edge.Condition);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNested(json, "layers", GraphAnalysis.Layers(graph));
        WriteNested(json, "cycles", GraphAnalysis.Cycles(graph));
        json.WriteEndObject();
        return json.ToString() + "\n";
    }

    private static void WriteIfSet(JsonStringWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNested(JsonStringWriter json, string name, IReadOnlyList<IReadOnlyList<string>> lists)
    {
        json.WriteStartArray(name);
        foreach (var list in lists)
        {
            json.WriteStartArray();
            foreach (var item in list)
            {
                json.WriteStringValue(item);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
