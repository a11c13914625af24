namespace Procurator.Supervisor.Logs;

/// <summary>
/// Writes lines to a terminal as <c>api      | text</c>: the unit name padded to the longest
/// one, coloured from a fixed palette by the unit's position. One lock per line, so lines
/// of concurrent units never interleave.
/// </summary>
public sealed class ConsoleSink : ILogSink
{
    private const string Reset = "\u001b[0m";

    // Cyan, yellow, green, magenta, blue, red, then their bright forms.
    private static readonly string[] Palette =
        ["\u001b[36m", "\u001b[33m", "\u001b[32m", "\u001b[35m", "\u001b[34m", "\u001b[31m",
         "\u001b[96m", "\u001b[93m", "\u001b[92m", "\u001b[95m", "\u001b[94m", "\u001b[91m"];

    private readonly TextWriter _output;
    private readonly bool _colour;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _width;

    /// <param name="output">Usually <see cref="Console.Out"/>.</param>
    /// <param name="unitNames">Units in display order: sets each one's colour and the prefix width. Others are added as they appear.</param>
    /// <param name="colour">Whether to write ANSI colours; see <see cref="ColourWanted"/>.</param>
    public ConsoleSink(TextWriter output, IEnumerable<string> unitNames, bool colour)
    {
        _output = output;
        _colour = colour;
        foreach (var name in unitNames)
            Index(name);
    }

    /// <summary>
    /// Colour unless the user turned it off (<paramref name="noColorFlag"/>, or a non-empty
    /// <c>NO_COLOR</c> variable, see no-color.org) or the output is not a terminal.
    /// </summary>
    public static bool ColourWanted(bool noColorFlag, bool outputRedirected) =>
        !noColorFlag && !outputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <inheritdoc />
    public void Write(LogLine line)
    {
        lock (_gate)
        {
            var index = Index(line.Unit);
            var name = line.Unit.PadRight(_width);
            var text = line.Stream == LogStream.Manager ? $"-- {line.Text}" : line.Text;
            _output.Write(_colour
                ? $"{Palette[index % Palette.Length]}{name} |{Reset} {text}\n"
                : $"{name} | {text}\n");
            _output.Flush();
        }
    }

    private int Index(string unit)
    {
        if (!_indexes.TryGetValue(unit, out var index))
        {
            index = _indexes.Count;
            _indexes.Add(unit, index);
            _width = Math.Max(_width, unit.Length);
        }

        return index;
    }
}
