using System.Globalization;
using System.Text;

namespace Procurator.Discovery;

/// <summary>
/// The health check in a <c>docker create</c> options string, as GitHub Actions service
/// containers take it: <c>--health-cmd "pg_isready -U postgres" --health-interval=10s
/// --health-timeout 5s --health-retries 5</c>. Other options are ignored.
/// </summary>
internal static class DockerOptions
{
    public static DiscoveredHealthCheck? HealthCheck(string options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = Words(options);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--health-", StringComparison.Ordinal))
            {
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[word[..equals]] = word[(equals + 1)..];
            }
            else if (i + 1 < words.Count)
            {
                values[word] = words[++i];
            }
        }

        if (!values.TryGetValue("--health-cmd", out var command) || command.Length == 0)
        {
            return null;
        }

        int? retries = values.TryGetValue("--health-retries", out var r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new DiscoveredHealthCheck("exec", Command: command, Interval: values.GetValueOrDefault("--health-interval"),
            Timeout: values.GetValueOrDefault("--health-timeout"), Retries: retries);
    }

    /// <summary>Splits like a POSIX shell: double and single quotes group, a backslash escapes outside single quotes.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
