using System.CommandLine;
using System.Text.Json;
using Procurator.Graph;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary>How impact and affected print: text for people, JSON <c>{changed[], affected[] {id, distance, via[]}, files[]?}</c>.</summary>
internal static class ImpactOutput
{
    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static async Task WriteAsync(
        TextWriter writer, string format, IReadOnlyList<string> changed, IReadOnlyList<AffectedNode> affected, IReadOnlyList<ChangedFile>? files)
    {
        if (format == "json")
        {
            await writer.WriteLineAsync(Json(changed, affected, files));
            return;
        }

        foreach (var file in files ?? [])
        {
            await writer.WriteLineAsync($"file {file.Path}: {file.Reason}");
        }

        await writer.WriteLineAsync($"changed: {(changed.Count == 0 ? "nothing" : string.Join(", ", changed.Order(StringComparer.Ordinal)))}");
        await writer.WriteLineAsync($"affected: {affected.Count}");
        var width = affected.Count == 0 ? 0 : affected.Max(a => a.Id.Length);
        foreach (var node in affected)
        {
            await writer.WriteLineAsync($"  {node.Distance,2}  {node.Id.PadRight(width)}  via {string.Join(" -> ", node.Via)}");
        }
    }

    private static string Json(IReadOnlyList<string> changed, IReadOnlyList<AffectedNode> affected, IReadOnlyList<ChangedFile>? files)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonText.Options()))
        {
            json.WriteStartObject();
            JsonText.WriteStrings(json, "changed", changed.Order(StringComparer.Ordinal));
            json.WriteStartArray("affected");
            foreach (var node in affected)
            {
                json.WriteStartObject();
                json.WriteString("id", node.Id);
                json.WriteNumber("distance", node.Distance);
                JsonText.WriteStrings(json, "via", node.Via);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (files is not null)
            {
                json.WriteStartArray("files");
                foreach (var file in files)
                {
                    json.WriteStartObject();
                    json.WriteString("path", file.Path);
                    JsonText.WriteStrings(json, "nodes", file.Nodes);
                    json.WriteString("reason", file.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
