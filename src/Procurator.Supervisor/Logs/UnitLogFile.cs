using System.Globalization;
using System.Text;

namespace Procurator.Supervisor.Logs;

/// <summary>
/// One unit's log file with size-based rotation; every append is one whole line. Lines are
/// buffered (64 KiB) and handed to the operating system on <see cref="Flush"/>, at once for
/// the manager's own lines. A file removed while the unit runs (<c>rm -rf</c> of the state folder)
/// is noticed at the next line after a flush and started again, with a line saying so: before,
/// every later line went to the removed file and was lost without a word (issue 21, row 17).
/// </summary>
internal sealed class UnitLogFile : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _keep;
    private readonly Lock _gate = new();
    private StreamWriter? _writer;
    private long _length;
    private bool _buffered;

    public UnitLogFile(string path, long maxBytes, int keep)
    {
        _path = path;
        _maxBytes = maxBytes;
        _keep = keep;
    }

    public void Append(LogLine line)
    {
        var text = line.Text.Contains('\n') ? line.Text.Replace('\n', ' ') : line.Text;
        Span<char> head = stackalloc char[LogFileFormat.HeadLength];
        LogFileFormat.WriteHead(line, head);
        var bytes = LogFileFormat.HeadLength + Utf8.GetByteCount(text) + 1;
        lock (_gate)
        {
            // Once per flush: a stat, not a syscall per line.
            if (_writer is not null && !_buffered && !File.Exists(_path))
            {
                _writer.Dispose();
                _writer = Open();
                WriteLine(_writer, new LogLine(line.Unit, line.At, LogStream.Manager, "log file was removed while running; continuing in a new one"));
            }

            _buffered = true;
            var writer = _writer ??= Open();
            if (_length > 0 && _length + bytes > _maxBytes)
            {
                Rotate();
                writer = _writer = Open();
            }

            writer.Write(head);
            writer.Write(text);
            writer.Write('\n');
            _length += bytes;
            if (line.Stream == LogStream.Manager)
            {
                writer.Flush();
                _buffered = false;
            }
        }
    }

    /// <summary>To the kernel: a reader of the file sees every line appended so far.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _writer?.Flush();
            _buffered = false;
        }
    }

    private void WriteLine(StreamWriter writer, LogLine line)
    {
        Span<char> head = stackalloc char[LogFileFormat.HeadLength];
        LogFileFormat.WriteHead(line, head);
        writer.Write(head);
        writer.Write(line.Text);
        writer.Write('\n');
        _length += LogFileFormat.HeadLength + Utf8.GetByteCount(line.Text) + 1;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    // 0600 whatever the umask: a unit's output may print its env values (see PrivateState).
    private StreamWriter Open()
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Control.PrivateState.FileMode;
        }

        if (!OperatingSystem.IsWindows())
        {
            Control.PrivateState.Directory(Path.GetDirectoryName(_path)!); // gone too after an rm -rf
        }

        var stream = new FileStream(_path, options);
        _length = stream.Length;
        return new StreamWriter(stream, Utf8, BufferSize);
    }

    private void Rotate()
    {
        _writer?.Dispose();
        _writer = null;
        if (_keep == 0)
        {
            File.Delete(_path);
            return;
        }

        File.Delete($"{_path}.{_keep}");
        for (var i = _keep - 1; i >= 1; i--)
        {
            if (File.Exists($"{_path}.{i}"))
                File.Move($"{_path}.{i}", $"{_path}.{i + 1}");
        }

        File.Move(_path, $"{_path}.1");
    }
}
