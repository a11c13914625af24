using System.Globalization;
using System.Text;
using Procurator.Supervisor.Logs;

namespace Procurator.Cli.Commands.Control;

/// <summary>
/// Reads the unit log files under the <c>logs</c> folder of the state directory (<c>2025-01-31T12:00:00.123Z out text</c>),
/// without a manager: the last lines per unit merged by time, and new lines as they are appended.
/// </summary>
internal sealed class LogFiles
{
    private readonly string _directory;
    private readonly IReadOnlyList<string> _names;
    private readonly Dictionary<string, long> _positions = new(StringComparer.Ordinal);

    /// <param name="directory">The log directory.</param>
    /// <param name="names">Units, projects (their <c>project:process</c> units) or services; empty means all.</param>
    public LogFiles(string directory, IReadOnlyList<string> names)
    {
        _directory = directory;
        _names = names;
    }

    /// <summary>The units whose log files exist and match the names, sorted.</summary>
    public IReadOnlyList<string> Units() =>
        !Directory.Exists(_directory) ? [] :
        [.. Directory.EnumerateFiles(_directory, "*.log")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(u => _names.Count == 0 || _names.Any(n => u == n || u.StartsWith(n + ":", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];

    /// <summary>The last <paramref name="count"/> lines of each unit (all when null), merged by time; remembers where each file ends.</summary>
    public IReadOnlyList<LogLine> Tail(int? count)
    {
        var lines = new List<LogLine>();
        foreach (var unit in Units())
        {
            var path = LogFileSink.PathFor(_directory, unit);
            var (text, end) = ReadFrom(path, 0);
            _positions[unit] = end;
            var own = Parse(unit, text);
            lines.AddRange(count is { } n ? own.TakeLast(n) : own);
        }

        return [.. lines.OrderBy(l => l.At)];
    }

    /// <summary>Lines appended since the last call (a file that shrank was rotated: read it from the start).</summary>
    public IReadOnlyList<LogLine> ReadNew()
    {
        var lines = new List<LogLine>();
        foreach (var unit in Units())
        {
            var path = LogFileSink.PathFor(_directory, unit);
            var position = _positions.GetValueOrDefault(unit);
            if (new FileInfo(path) is { Exists: true } file && file.Length < position)
            {
                position = 0;
            }

            var (text, end) = ReadFrom(path, position);
            _positions[unit] = end;
            lines.AddRange(Parse(unit, text));
        }

        return [.. lines.OrderBy(l => l.At)];
    }

    /// <summary>One file line, or null when it is not in the log format.</summary>
    public static LogLine? ParseLine(string unit, string line)
    {
        var space = line.IndexOf(' ');
        if (space < 0 || line.Length < space + 4
            || !DateTimeOffset.TryParse(line[..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return null;
        }

        var stream = line.Substring(space + 1, 3) switch
        {
            "out" => LogStream.Stdout,
            "err" => LogStream.Stderr,
            _ => LogStream.Manager,
        };
        var text = line.Length > space + 5 ? line[(space + 5)..] : "";
        return new LogLine(unit, at, stream, text);
    }

    private static List<LogLine> Parse(string unit, string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => ParseLine(unit, l)).OfType<LogLine>()];

    /// <summary>Whole lines from <paramref name="position"/>; a trailing partial line is left for next time.</summary>
    private static (string Text, long End) ReadFrom(string path, long position)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Position = position;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
            var complete = bytes.LastIndexOf((byte)'\n') + 1;
            return (Encoding.UTF8.GetString(bytes[..complete]), position + complete);
        }
        catch (FileNotFoundException)
        {
            return ("", 0);
        }
    }
}
