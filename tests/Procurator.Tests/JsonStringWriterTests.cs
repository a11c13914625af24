using System.Text;
using System.Text.Json;
using CsCheck;
using Procurator.Rendering;

namespace Procurator.Tests;

/// <summary>The generated files' JSON writer writes exactly what Utf8JsonWriter with <see cref="JsonText.Options"/> writes.</summary>
public sealed class JsonStringWriterTests
{
    private static readonly string[] Fragments =
    [
        "\"", "\\", "/", "<", ">", "&", "'", "+", "`", "\n", "\r", "\t", "\b", "\f", "\0", "\u001b", "\u007f", "\u0080",
        "\u00a0", "\u00ad", "\u200b", "\u2028", "\u2029", "\ufeff", "\ufffd", "\uffff", "\ue000", "\ud800", "\udc00",
        "é", "ü", "✓", "日本", "🚀", "a", "Z", "0", " ", "-", "${x}",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, 8]
        .SelectMany(n => Gen.Frequency(
            (6, Gen.OneOf(Fragments)),
            (2, Gen.Char['\u0000', '\u007f'].Select(c => c.ToString())),
            (2, Gen.Char.Select(c => c.ToString()))).Array[n])
        .Select(string.Concat);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writes_what_Utf8JsonWriter_writes(bool indented) =>
        Text.Array[0, 6].Sample(
            texts => Assert.Equal(Expected(texts, indented), Actual(texts, indented)),
            iter: 2000);

    private static string Actual(string[] texts, bool indented)
    {
        var json = new JsonStringWriter(indented);
        json.WriteStartObject();
        json.WriteNumber("number", -42);
        json.WriteStartObject("empty");
        json.WriteEndObject();
        json.WriteStartArray("none");
        json.WriteEndArray();
        json.WriteStrings("texts", texts);
        json.WriteStartArray("objects");
        foreach (var text in texts)
        {
            json.WriteStartObject();
            json.WriteString(text, text);
            json.WriteString("null", null);
            json.WriteNull("nothing");
            json.WriteBoolean("yes", text.Length > 2);
            json.WriteStartArray("numbers");
            json.WriteNumberValue(text.Length);
            json.WriteStringValue(null);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return json.ToString();
    }

    private static string Expected(string[] texts, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonText.Options(indented)))
        {
            json.WriteStartObject();
            json.WriteNumber("number", -42);
            json.WriteStartObject("empty");
            json.WriteEndObject();
            json.WriteStartArray("none");
            json.WriteEndArray();
            JsonText.WriteStrings(json, "texts", texts);
            json.WriteStartArray("objects");
            foreach (var text in texts)
            {
                json.WriteStartObject();
                json.WriteString(text, text);
                json.WriteString("null", (string?)null);
                json.WriteNull("nothing");
                json.WriteBoolean("yes", text.Length > 2);
                json.WriteStartArray("numbers");
                json.WriteNumberValue(text.Length);
                json.WriteStringValue((string?)null);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
