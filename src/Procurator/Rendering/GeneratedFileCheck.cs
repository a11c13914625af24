using System.Text;
using System.Text.Json;
using Procurator.Nix;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurator.Rendering;

/// <summary>
/// Parses a generated file before anything is written: a file that does not parse (cut by a
/// template engine's limit, or broken by a template) is a bug of Procurator, reported as a
/// <see cref="RenderingException"/> so that the command writes nothing and fails.
/// </summary>
internal static class GeneratedFileCheck
{
    public static string Nix(string name, string content)
    {
        if (NixSyntax.Check(content) is { } error)
        {
            throw RenderingException.DoesNotParse(name, "Nix", error.Line, error.Column, error.Message);
        }

        return content;
    }

    /// <summary>
    /// A file made only of fixed lines and <see cref="Nix.ShellQuote"/>d values (a shell script),
    /// so nothing but a cut can break it: a text that does not end as it must is refused.
    /// </summary>
    public static string EndsWith(string name, string content, string ending)
    {
        if (!content.EndsWith(ending, StringComparison.Ordinal))
        {
            var lines = content.Split('\n');
            throw RenderingException.DoesNotParse(name, "shell", lines.Length, lines[^1].Length + 1, $"the file does not end with '{ending.TrimEnd()}'");
        }

        return content;
    }

    public static string Json(string name, string content)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(content), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            // A text holding no value at all reads as no token and no exception.
            if (reader.TokenType == JsonTokenType.None)
            {
                throw RenderingException.DoesNotParse(name, "JSON", 1, 1, "no JSON value");
            }
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw RenderingException.DoesNotParse(name, "JSON", line, column, FirstSentence(exception.Message));
        }

        return content;
    }

    public static string Yaml(string name, string content)
    {
        try
        {
            new YamlStream().Load(new StringReader(content));
        }
        catch (YamlException exception)
        {
            throw RenderingException.DoesNotParse(name, "YAML", (int)exception.Start.Line, (int)exception.Start.Column, exception.Message);
        }

        return content;
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 12." to its message; the position is reported already.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
