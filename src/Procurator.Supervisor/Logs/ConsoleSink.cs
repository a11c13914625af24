using System.Text;

namespace Procurator.Supervisor.Logs;

/// <summary>
/// Writes lines to a terminal as <c>api      | text</c>: the unit name padded to the longest
/// one, coloured from a fixed palette by the unit's position. Lines are gathered whole under
/// one lock (lines of concurrent units never interleave) and written to the output in one
/// call on <see cref="ILogSink.Flush"/>, or when 64 KiB have gathered.
/// </summary>
internal sealed class ConsoleSink : ILogSink
{
    private const string Reset = "\u001b[0m";
    private const int FlushAt = 64 * 1024;

    // Cyan, yellow, green, magenta, blue, red, then their bright forms.
    private static readonly string[] Palette =
        ["\u001b[36m", "\u001b[33m", "\u001b[32m", "\u001b[35m", "\u001b[34m", "\u001b[31m",
         "\u001b[96m", "\u001b[93m", "\u001b[92m", "\u001b[95m", "\u001b[94m", "\u001b[91m"];

    private readonly TextWriter _output;
    private readonly bool _colour;
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly StringBuilder _pending = new();
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
            Prefix(name);
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
            _pending.Append(Prefix(line.Unit));
            if (line.Stream == LogStream.Manager)
                _pending.Append("-- ");
            _pending.Append(line.Text).Append('\n');

            // The manager's own lines come one at a time, from no reader that would flush them.
            if (line.Stream == LogStream.Manager || _pending.Length >= FlushAt)
                FlushLocked();
        }
    }

    /// <inheritdoc />
    public void Flush()
    {
        lock (_gate)
            FlushLocked();
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0)
            return;
        _output.Write(_pending.ToString());
        _output.Flush();
        _pending.Clear();
    }

    // "name | " padded to the widest name so far; rebuilt for every unit when a wider one appears.
    private string Prefix(string unit)
    {
        if (_prefixes.TryGetValue(unit, out var prefix))
            return prefix;

        _names.Add(unit);
        if (unit.Length > _width)
        {
            _width = unit.Length;
            for (var i = 0; i < _names.Count - 1; i++)
                _prefixes[_names[i]] = Build(_names[i], i);
        }

        return _prefixes[unit] = Build(unit, _names.Count - 1);
    }

    private string Build(string unit, int index) => _colour
        ? $"{Palette[index % Palette.Length]}{unit.PadRight(_width)} |{Reset} "
        : $"{unit.PadRight(_width)} | ";
}
