using System.Text;
using System.Text.RegularExpressions;
using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>One variable of an env file; a null value is a bare <c>KEY</c> (taken from the environment).</summary>
internal sealed record EnvFileEntry(string Key, string? Value, SourceLocation Location);

/// <summary>
/// Reads env files (<c>env_file</c> and <c>.env</c>): <c>KEY=VALUE</c> lines, blank lines and
/// <c># comments</c> skipped, an optional <c>export </c>, values unquoted (a <c> #</c> starts a
/// comment), single-quoted (literal) or double-quoted (<c>\n \t \" \\</c> escapes, may span lines).
/// Unquoted and double-quoted values are interpolated, with variables set earlier in the file.
/// </summary>
internal static partial class EnvFile
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    public static IReadOnlyList<EnvFileEntry> Parse(string text, string file, Func<string, string?> environment, List<Diagnostic> diagnostics)
    {
        var entries = new List<EnvFileEntry>();
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        var interpolator = new Interpolator(name => defined.TryGetValue(name, out var v) ? v : environment(name), diagnostics);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var body = line.TrimStart();
            var column = line.Length - body.Length + 1;
            var at = new SourceLocation(file, index + 1, column);
            if (body.Length == 0 || body[0] == '#')
            {
                continue;
            }

            if (body.StartsWith("export ", StringComparison.Ordinal))
            {
                body = body["export ".Length..].TrimStart();
            }

            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? body : body[..equals]).Trim();
            if (!KeyPattern().IsMatch(key))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeEnvFile, $"'{key}' is not a variable name (expected KEY=VALUE)", at));
                continue;
            }

            if (equals < 0)
            {
                entries.Add(new EnvFileEntry(key, null, at));
                continue;
            }

            var value = Value(body[(equals + 1)..].TrimStart(), lines, ref index, at, interpolator, diagnostics);
            if (value is not null)
            {
                defined[key] = value;
                entries.Add(new EnvFileEntry(key, value, at));
            }
        }

        return entries;
    }

    private static string? Value(string raw, string[] lines, ref int index, SourceLocation at, Interpolator interpolator, List<Diagnostic> diagnostics)
    {
        if (raw.StartsWith('\''))
        {
            var close = raw.IndexOf('\'', 1);
            if (close < 0)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeEnvFile, "a single-quoted value is not closed on its line", at));
                return null;
            }

            return raw[1..close];
        }

        if (raw.StartsWith('"'))
        {
            return DoubleQuoted(raw, lines, ref index, at, interpolator, diagnostics);
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        var tab = raw.IndexOf("\t#", StringComparison.Ordinal);
        var cut = comment < 0 ? tab : tab < 0 ? comment : Math.Min(comment, tab);
        var text = (cut < 0 ? raw : raw[..cut]).TrimEnd();
        return interpolator.Apply(text, at);
    }

    private static string? DoubleQuoted(string raw, string[] lines, ref int index, SourceLocation at, Interpolator interpolator, List<Diagnostic> diagnostics)
    {
        var value = new StringBuilder();
        var text = raw[1..];
        while (true)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    return interpolator.Apply(value.ToString(), at);
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    i++;
                    value.Append(text[i] switch
                    {
                        'n' => "\n",
                        't' => "\t",
                        'r' => "\r",
                        '"' => "\"",
                        '\\' => "\\",
                        var other => "\\" + other,
                    });
                    continue;
                }

                value.Append(c);
            }

            if (index + 1 >= lines.Length)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeEnvFile, "a double-quoted value is not closed", at));
                return null;
            }

            value.Append('\n');
            text = lines[++index];
        }
    }
}
