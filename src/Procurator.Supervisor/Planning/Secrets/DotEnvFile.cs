using System.Text;

namespace Procurator.Supervisor.Planning.Secrets;

/// <summary>
/// A <c>.env</c> file as dotenv tools read it: <c>KEY=value</c> lines, optional <c>export </c>,
/// <c>#</c> comments and blank lines; a value in single quotes is literal, in double quotes
/// takes <c>\n</c>, <c>\"</c> and <c>\\</c>; an unquoted value ends at <c> #</c> and is trimmed.
/// No interpolation. A line it cannot read is reported with its number, never guessed at.
/// </summary>
internal static class DotEnvFile
{
    public static (Dictionary<string, string> Values, List<string> Problems) Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=');
            var key = equals > 0 ? line[..equals].Trim() : "";
            if (key.Length == 0 || !IsKey(key))
            {
                problems.Add($"line {i + 1}: expected KEY=value");
                continue;
            }

            if (Value(line[(equals + 1)..].TrimStart()) is { } value)
            {
                values[key] = value;
            }
            else
            {
                problems.Add($"line {i + 1}: the quoted value of {key} is not closed");
            }
        }

        return (values, problems);
    }

    private static string? Value(string raw)
    {
        if (raw.StartsWith('\''))
        {
            var end = raw.IndexOf('\'', 1);
            return end < 0 ? null : raw[1..end];
        }

        if (raw.StartsWith('"'))
        {
            var text = new StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '"')
                {
                    return text.ToString();
                }

                if (c == '\\' && i + 1 < raw.Length)
                {
                    i++;
                    text.Append(raw[i] switch { 'n' => '\n', 't' => '\t', var other => other });
                }
                else
                {
                    text.Append(c);
                }
            }

            return null;
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }

    private static bool IsKey(string key)
    {
        if (!char.IsAsciiLetter(key[0]) && key[0] != '_')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
