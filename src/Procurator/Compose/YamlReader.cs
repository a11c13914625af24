using Procurator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurator.Compose;

/// <summary>
/// Reads YAML text into <see cref="ComposeNode"/>s straight from the parser's events: anchors
/// and aliases are resolved, merge keys (<c>&lt;&lt;: *base</c>) applied (keys written in the
/// mapping win, then earlier merged mappings), duplicate keys reported, and every value
/// scalar interpolated (keys are not, as in Compose).
/// </summary>
internal sealed class YamlReader
{
    private const int MaxDepth = 200;

    private readonly string _file;
    private readonly Func<string, SourceLocation, string?> _interpolate;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, ComposeNode> _anchors = new(StringComparer.Ordinal);
    private IParser _parser = null!;
    private Mark _lastMark = Mark.Empty;

    private YamlReader(string file, Func<string, SourceLocation, string?> interpolate, List<Diagnostic> diagnostics)
    {
        _file = file;
        _interpolate = interpolate;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The first document of <paramref name="text"/>, or null after reporting why not.
    /// <paramref name="interpolate"/> turns a value into its interpolated text, or null after reporting an error.
    /// </summary>
    public static ComposeNode? Read(string text, string file, Func<string, SourceLocation, string?> interpolate, List<Diagnostic> diagnostics)
    {
        var reader = new YamlReader(file, interpolate, diagnostics);
        var before = diagnostics.Count;
        try
        {
            reader._parser = new Parser(new StringReader(text));
            var node = reader.ReadStream();
            return diagnostics.Skip(before).Any(d => d.IsError) ? null : node;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeSyntax, $"invalid YAML: {Message(e)}", reader.At(e.Start)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed plain scalars instead of a YamlException.
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeSyntax, "invalid YAML: a malformed value after this point", reader.At(reader._lastMark)));
            return null;
        }
    }

    private ComposeNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            return null;
        }

        var root = ReadNode(isValue: true, depth: 0);
        _parser.Consume<DocumentEnd>();
        return root;
    }

    private ComposeNode ReadNode(bool isValue, int depth)
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        _lastMark = current.Start;
        if (depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
        }

        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor defined before it");
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, ReadScalar(scalar, isValue));
            case SequenceStart start:
                _parser.MoveNext();
                return Remember(start.Anchor, ReadSequence(start, depth));
            case MappingStart start:
                _parser.MoveNext();
                return Remember(start.Anchor, ReadMapping(start, depth));
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private ComposeNode Remember(AnchorName anchor, ComposeNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private ComposeScalar ReadScalar(Scalar scalar, bool isValue)
    {
        var at = At(scalar.Start);
        var plain = scalar.Style == ScalarStyle.Plain;
        if (plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
        {
            return new ComposeScalar(null, at);
        }

        var value = isValue && scalar.Value.Contains('$', StringComparison.Ordinal) ? _interpolate(scalar.Value, at) ?? scalar.Value : scalar.Value;
        return new ComposeScalar(value, at, plain);
    }

    private ComposeSequence ReadSequence(SequenceStart start, int depth)
    {
        var items = new List<ComposeNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(isValue: true, depth + 1));
        }

        return new ComposeSequence(items, At(start.Start));
    }

    private ComposeMap ReadMapping(MappingStart start, int depth)
    {
        var entries = new List<ComposeEntry>();
        var merged = new List<ComposeEntry>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current;
            var key = ReadNode(isValue: false, depth + 1);
            var value = ReadNode(isValue: true, depth + 1);
            if (key is not ComposeScalar { Value: { } name } scalar)
            {
                _diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeSyntax, $"a mapping key must be a string, not {key.Describe}", key.Location));
                continue;
            }

            if (name == "<<" && scalar.IsPlain && keyEvent is Scalar)
            {
                merged.AddRange(MergedEntries(value));
            }
            else if (entries.Any(e => e.Key == name))
            {
                _diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeSyntax, $"duplicate key '{name}'", scalar.Location));
            }
            else
            {
                entries.Add(new ComposeEntry(name, scalar.Location, value));
            }
        }

        // Keys written in the mapping win over merged ones; among merged mappings, the first wins.
        foreach (var entry in merged.Where(m => entries.All(e => e.Key != m.Key)).DistinctBy(m => m.Key))
        {
            entries.Add(entry);
        }

        return new ComposeMap(entries, At(start.Start));
    }

    private IEnumerable<ComposeEntry> MergedEntries(ComposeNode value)
    {
        switch (value)
        {
            case ComposeMap map:
                return map.Entries;
            case ComposeSequence { Items: var items } when items.All(i => i is ComposeMap):
                return items.Cast<ComposeMap>().SelectMany(m => m.Entries);
            default:
                _diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeSyntax, $"a merge key '<<' takes a mapping or a list of mappings, not {value.Describe}", value.Location));
                return [];
        }
    }

    private SourceLocation At(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Message(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the location is printed already.
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }
}
