using System.Text;
using System.Text.Json;

namespace Procurator.Diagnostics;

/// <summary>
/// Diagnostics as SARIF 2.1.0, the format code-scanning tools (GitHub, GitLab, Azure DevOps)
/// read: one run, a rule per code, a result per diagnostic with its file and line.
/// </summary>
internal static class SarifWriter
{
    public static string Write(IEnumerable<Diagnostic> diagnostics, string baseDirectory, string toolVersion)
    {
        var all = diagnostics.ToArray();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Rendering.JsonText.Options()))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, all, toolVersion);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", new Uri(baseDirectory.EndsWith('/') ? baseDirectory : baseDirectory + "/").AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var diagnostic in all)
            {
                WriteResult(json, diagnostic, baseDirectory);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter json, Diagnostic[] all, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "procurator");
        json.WriteString("version", toolVersion);
        json.WriteStartArray("rules");
        foreach (var code in all.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", code.StartsWith("PRO", StringComparison.Ordinal) || code.StartsWith("CS", StringComparison.Ordinal)
                ? $"Procurator diagnostic {code}"
                : $"Policy {code}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, string baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteString("level", diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        });
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        if (diagnostic.Location is { } at)
        {
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Path.GetRelativePath(baseDirectory, at.File).Replace('\\', '/'));
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", at.Line);
            json.WriteNumber("startColumn", at.Column);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
