using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Procurator.Rendering;

/// <summary>
/// Writes JSON into a string, byte for byte as <see cref="System.Text.Json.Utf8JsonWriter"/> does with
/// <see cref="JsonText.Options"/>: the writer of the files <c>procurator run</c> generates. Starting up
/// Utf8JsonWriter and its encoder costs a warm run more than all the writing; text that needs escaping
/// (rare in a workspace) still goes through that same encoder.
/// </summary>
internal sealed class JsonStringWriter(bool indented = true)
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _empty = true; // nothing written yet in the current object or array

    public void WriteStartObject() => Open(null, '{');

    public void WriteStartObject(string name) => Open(name, '{');

    public void WriteEndObject() => Close('}');

    public void WriteStartArray() => Open(null, '[');

    public void WriteStartArray(string name) => Open(name, '[');

    public void WriteEndArray() => Close(']');

    /// <summary>Writes <c>"name": "value"</c>, or <c>"name": null</c> for a null value.</summary>
    public void WriteString(string name, string? value)
    {
        Item(name);
        AppendString(value);
    }

    public void WriteStringValue(string? value)
    {
        Item(null);
        AppendString(value);
    }

    /// <summary>Writes <c>"name": [values...]</c>.</summary>
    public void WriteStrings(string name, IEnumerable<string> values)
    {
        WriteStartArray(name);
        foreach (var value in values)
        {
            WriteStringValue(value);
        }

        WriteEndArray();
    }

    public void WriteNumber(string name, int value)
    {
        Item(name);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void WriteNumberValue(int value)
    {
        Item(null);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void WriteBoolean(string name, bool value)
    {
        Item(name);
        _text.Append(value ? "true" : "false");
    }

    public void WriteNull(string name)
    {
        Item(name);
        _text.Append("null");
    }

    public override string ToString() => _text.ToString();

    private void Open(string? name, char bracket)
    {
        Item(name);
        _text.Append(bracket);
        _depth++;
        _empty = true;
    }

    private void Close(char bracket)
    {
        _depth--;
        if (!_empty)
        {
            NewLine();
        }

        _text.Append(bracket);
        _empty = false;
    }

    /// <summary>Starts a value: the comma after the one before, its line, and its property name if in an object.</summary>
    private void Item(string? name)
    {
        if (_depth > 0)
        {
            if (!_empty)
            {
                _text.Append(',');
            }

            NewLine();
        }

        _empty = false;
        if (name is not null)
        {
            AppendString(name);
            _text.Append(indented ? ": " : ":");
        }
    }

    private void NewLine()
    {
        if (indented)
        {
            _text.Append('\n').Append(' ', _depth * 2);
        }
    }

    private void AppendString(string? value)
    {
        if (value is null)
        {
            _text.Append("null");
        }
        else if (IsPlain(value))
        {
            _text.Append('"').Append(value).Append('"');
        }
        else
        {
            _text.Append('"').Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value)).Append('"');
        }
    }

    /// <summary>Printable ASCII other than a quote or a backslash: text the encoder would write as it is.</summary>
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }
}
