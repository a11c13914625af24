using System.Globalization;
using System.Text;

namespace Procurator.Output.Manifests;

/// <summary>
/// Writes <see cref="YamlMap"/>s as block YAML, byte for byte the same for the same input. A
/// string is written plain only when no YAML 1.1 or 1.2 reader can take it for anything else
/// (<c>15</c>, <c>yes</c>, <c>on</c>, <c>1e3</c>, <c>null</c> are quoted); every other string is
/// double-quoted with JSON's escapes, which YAML's double quotes accept.
/// </summary>
internal static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    /// <summary>The document: <paramref name="header"/> lines as comments, then the map.</summary>
    public static string Write(YamlMap document, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        WriteMap(text, document, 0, firstInline: false);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, bool firstInline)
    {
        var first = true;
        foreach (var entry in map.Entries)
        {
            var pad = firstInline && first ? "" : new string(' ', indent);
            if (entry.Comment is { } comment)
            {
                foreach (var line in comment.Split('\n'))
                {
                    text.Append(firstInline && first ? "" : pad).Append("# ").Append(line).Append('\n');
                    if (firstInline && first)
                    {
                        // A comment cannot sit after "- "; what follows it starts a fresh, indented line.
                        firstInline = false;
                        pad = new string(' ', indent);
                    }
                }
            }

            text.Append(pad).Append(Scalar(entry.Key)).Append(':');
            WriteValue(text, entry.Value, indent);
            first = false;
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YamlMap { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2, firstInline: false);
                break;
            case IList<object> { Count: 0 }:
                text.Append(" []\n");
                break;
            case IList<object> list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder text, IList<object> list, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in list)
        {
            text.Append(pad).Append('-');
            switch (item)
            {
                case YamlMap { Entries.Count: > 0 } map:
                    text.Append(' ');
                    WriteMap(text, map, indent + 2, firstInline: true);
                    break;
                case IList<object> { Count: > 0 } inner:
                    text.Append('\n');
                    WriteList(text, inner, indent + 2);
                    break;
                default:
                    WriteValue(text, item, indent);
                    break;
            }
        }
    }

    /// <summary>A scalar as YAML: numbers and booleans bare, strings plain when safe, else double-quoted.</summary>
    public static string Scalar(object value) => value switch
    {
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string text => IsPlainSafe(text) ? text : Quote(text),
        _ => throw new ArgumentException($"not a YAML scalar: {value.GetType().Name}", nameof(value)),
    };

    /// <summary>
    /// Starts with a letter, holds only letters, digits and <c>_ . / - :</c> (a colon never last),
    /// and is no word a YAML 1.1 reader turns into a boolean or null.
    /// </summary>
    internal static bool IsPlainSafe(string text) =>
        text.Length > 0
        && char.IsAsciiLetter(text[0])
        && text[^1] != ':'
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or ':')
        && !Reserved.Contains(text);

    /// <summary>A double-quoted YAML string.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
