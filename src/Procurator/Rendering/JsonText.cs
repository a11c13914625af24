using System.Text.Encodings.Web;
using System.Text.Json;

namespace Procurator.Rendering;

/// <summary>
/// How every JSON output is written: LF newlines, two-space indents, and non-ASCII text kept
/// readable (quotes, backslashes and control characters are still escaped).
/// </summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions IndentedOptions = Create(indented: true);
    private static readonly JsonWriterOptions CompactOptions = Create(indented: false);

    public static JsonWriterOptions Options(bool indented = true) => indented ? IndentedOptions : CompactOptions;

    /// <summary>Writes <c>"name": [values...]</c>.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static JsonWriterOptions Create(bool indented) => new()
    {
        Indented = indented,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
