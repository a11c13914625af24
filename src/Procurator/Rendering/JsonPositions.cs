using System.Text;
using System.Text.Json;
using Procurator.Diagnostics;

namespace Procurator.Rendering;

/// <summary>
/// Where each value of a JSON document starts, by path (<c>$.projects[0].ports[1]</c>), so a
/// reader can point at the line and column of a value it rejects. Expects well-formed JSON.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, long> _starts = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];

    private JsonPositions(string file, byte[] utf8)
    {
        _file = file;
        _utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static JsonPositions Map(string file, byte[] utf8)
    {
        var positions = new JsonPositions(file, utf8);
        var reader = new Utf8JsonReader(utf8);
        if (reader.Read())
        {
            positions.Value(ref reader, "$");
        }

        return positions;
    }

    /// <summary>The location of the value at <paramref name="path"/>, else of the closest enclosing value.</summary>
    public SourceLocation At(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_starts.TryGetValue(p, out var offset))
            {
                var line = _lineStarts.BinarySearch((int)offset);
                line = line >= 0 ? line : ~line - 1;
                var column = Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], (int)offset - _lineStarts[line]) + 1;
                return new SourceLocation(_file, line + 1, column);
            }
        }

        return new SourceLocation(_file, 1, 1);
    }

    private void Value(ref Utf8JsonReader reader, string path)
    {
        _starts[path] = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                Value(ref reader, $"{path}.{name}");
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                Value(ref reader, $"{path}[{index}]");
            }
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
