using System.Text.Json;
using Procurator.Diagnostics;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurator.Discovery;

/// <summary>
/// Reads the JSON, TOML and YAML files the scan looks at. A file that does not parse is an
/// error diagnostic at its line and column (<c>PRO040</c>–<c>PRO042</c>) and null, never an exception.
/// </summary>
internal static class StructuredFiles
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonElement? Json(DiscoveryLog log, string relative)
    {
        try
        {
            using var document = JsonDocument.Parse(IO.BoundedFile.ReadAllText(Path.Combine(log.Root, relative)), JsonOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            // JsonException positions are 0-based.
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            log.Error(ErrorCodes.MalformedJson, $"{relative} is not valid JSON: {FirstSentence(exception.Message)}", relative, line, column);
            return null;
        }
        catch (Exception exception) when (exception is (IOException and not IO.UnreadableFileException) or UnauthorizedAccessException)
        {
            Unreadable(log, relative, exception);
            return null;
        }
    }

    public static TomlTable? Toml(DiscoveryLog log, string relative)
    {
        try
        {
            return TomlSerializer.Deserialize<TomlTable>(IO.BoundedFile.ReadAllText(Path.Combine(log.Root, relative)));
        }
        catch (TomlException exception)
        {
            var (line, column) = TomlPosition(exception);
            var message = exception.Diagnostics is { Count: > 0 } bag ? bag[0].Message : exception.Message;
            log.Error(ErrorCodes.MalformedToml, $"{relative} is not valid TOML: {FirstSentence(message)}", relative, line, column);
            return null;
        }
        catch (Exception exception) when (exception is (IOException and not IO.UnreadableFileException) or UnauthorizedAccessException)
        {
            Unreadable(log, relative, exception);
            return null;
        }
    }

    public static YamlNode? Yaml(DiscoveryLog log, string relative)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(IO.BoundedFile.ReadAllText(Path.Combine(log.Root, relative)));
            stream.Load(reader);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException is YamlException inner ? inner.Message : exception.Message;
            log.Error(ErrorCodes.MalformedYaml, $"{relative} is not valid YAML: {FirstSentence(message)}", relative, (int)exception.Start.Line, (int)exception.Start.Column);
            return null;
        }
        catch (Exception exception) when (exception is (IOException and not IO.UnreadableFileException) or UnauthorizedAccessException)
        {
            Unreadable(log, relative, exception);
            return null;
        }
    }

    /// <summary>A file the scan needs and cannot read (no permission, an I/O error): an error at the file, never an exception.</summary>
    internal static void Unreadable(DiscoveryLog log, string relative, Exception exception) =>
        log.Error(ErrorCodes.UnreadableFile, $"{relative} cannot be read: {exception.Message}", relative, 1, 1);

    private static (int Line, int Column) TomlPosition(TomlException exception)
    {
        if (exception.Diagnostics is { Count: > 0 } bag)
        {
            var start = bag[0].Span.Start;
            return (start.Line + 1, start.Column + 1);
        }

        return (exception.Line ?? 1, exception.Column ?? 1);
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own position ("LineNumber: 2 | BytePositionInLine: 22."): the diagnostic has it already.
        var text = message.ReplaceLineEndings(" ").Trim();
        var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position >= 0 ? text[..position] : text).Trim().TrimEnd('.');
    }
}
