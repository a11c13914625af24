using System.Text;

namespace Procurator.Supervisor.Logs;

/// <summary>One unit's log file with size-based rotation; every append is one whole line.</summary>
internal sealed class UnitLogFile : IDisposable
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _keep;
    private readonly Lock _gate = new();
    private FileStream? _stream;

    public UnitLogFile(string path, long maxBytes, int keep)
    {
        _path = path;
        _maxBytes = maxBytes;
        _keep = keep;
    }

    public void Append(LogLine line)
    {
        var bytes = Encoding.UTF8.GetBytes(LogFileFormat.Format(line));
        lock (_gate)
        {
            var stream = _stream ??= Open();
            if (stream.Length > 0 && stream.Length + bytes.Length > _maxBytes)
            {
                Rotate();
                stream = _stream = Open();
            }

            stream.Write(bytes);
            // To the kernel now: a reader of the file sees every line the unit wrote once its exit is reported.
            stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    // 0600 whatever the umask: a unit's output may print its env values (see PrivateState).
    private FileStream Open()
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Control.PrivateState.FileMode;
        }

        return new FileStream(_path, options);
    }

    private void Rotate()
    {
        _stream?.Dispose();
        _stream = null;
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
