namespace Procurator.Supervisor.Logs;

/// <summary>
/// Writes each unit's lines to <c>DIRECTORY/UNIT.log</c> (the CLI uses the <c>logs</c> folder of the workspace's <see cref="Control.StatePaths"/>),
/// one line each: <c>2025-01-31T12:00:00.123Z out text</c> (the UTC time the line was read,
/// then <c>out</c>, <c>err</c> or <c>mgr</c>). A file that would pass
/// <see cref="MaxBytes"/> is rotated first, between two lines: <c>UNIT.log</c> becomes
/// <c>UNIT.log.1</c>, <c>.1</c> becomes <c>.2</c>, and so on up to <see cref="Keep"/>.
/// Lines are buffered and handed to the operating system on <see cref="Flush"/> (the output
/// reader calls it after every read, before a unit's exit is reported, so once the exit is
/// reported all of its lines are in the file); the manager's own lines at once. Thread-safe.
/// </summary>
internal sealed class LogFileSink : ILogSink, IDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, UnitLogFile> _files = new(StringComparer.Ordinal);
    private readonly HashSet<UnitLogFile> _unflushed = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="directory">Created when missing.</param>
    /// <param name="maxBytes">Size a file may reach before it is rotated (default 10 MiB).</param>
    /// <param name="keep">Rotated files kept per unit (default 5); 0 keeps only the current file.</param>
    public LogFileSink(string directory, long maxBytes = 10 * 1024 * 1024, int keep = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        _directory = directory;
        MaxBytes = maxBytes;
        Keep = keep;
        Directory.CreateDirectory(directory);
    }

    /// <summary>Size a file may reach before it is rotated. A single longer line is written whole.</summary>
    public long MaxBytes { get; }

    /// <summary>Rotated files kept per unit.</summary>
    public int Keep { get; }

    /// <summary>The current log file of <paramref name="unit"/> under <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, string unit) => Path.Combine(directory, SafeFileName(unit) + ".log");

    /// <inheritdoc />
    public void Write(LogLine line)
    {
        lock (_gate)
        {
            var file = FileFor(line.Unit);
            file.Append(line);
            _unflushed.Add(file);
        }
    }

    /// <inheritdoc />
    public void Flush()
    {
        lock (_gate)
        {
            foreach (var file in _unflushed)
                file.Flush();
            _unflushed.Clear();
        }
    }

    /// <summary>Closes every file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var file in _files.Values)
                file.Dispose();
            _files.Clear();
            _unflushed.Clear();
        }
    }

    private UnitLogFile FileFor(string unit)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_files.TryGetValue(unit, out var file))
        {
            file = new UnitLogFile(PathFor(_directory, unit), MaxBytes, Keep);
            _files.Add(unit, file);
        }

        return file;
    }

    // Unit names are validated upstream; this only keeps a stray '/' from leaving the directory.
    private static string SafeFileName(string unit) =>
        string.Concat(unit.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' ? c : '_'));
}
