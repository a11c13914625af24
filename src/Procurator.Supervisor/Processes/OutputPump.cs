using System.Buffers;
using System.Text;
using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Reads one output pipe as raw bytes and hands complete lines to a sink, each stamped when
/// read. Splits on <c>\n</c>, drops a trailing <c>\r</c>, and emits a last line without a
/// newline at end of file. Bytes are decoded per line, so a multi-byte character split
/// across two reads is never mangled.
/// </summary>
internal sealed class OutputPump
{
    private readonly string _unit;
    private readonly LogStream _stream;
    private readonly ILogSink _sink;
    private readonly TimeProvider _time;
    private readonly ArrayBufferWriter<byte> _partial = new();
    private long _bytesRead;

    public OutputPump(string unit, LogStream stream, ILogSink sink, TimeProvider time)
    {
        _unit = unit;
        _stream = stream;
        _sink = sink;
        _time = time;
    }

    /// <summary>Bytes read so far; lets the owner tell a draining pipe from an idle one.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Reads until end of file (every writer closed the pipe) or the stream fails.</summary>
    public async Task RunAsync(Stream pipe)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var count = await pipe.ReadAsync(buffer).ConfigureAwait(false);
                if (count == 0)
                    break;
                Interlocked.Add(ref _bytesRead, count);
                Split(buffer.AsSpan(0, count));
            }
        }
        catch (IOException)
        {
            // The pipe was torn down under us; what was read is still emitted below.
        }
        catch (ObjectDisposedException)
        {
        }

        if (_partial.WrittenCount > 0)
            Emit(_partial.WrittenSpan);
        _partial.Clear();
    }

    private void Split(ReadOnlySpan<byte> chunk)
    {
        while (true)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _partial.Write(chunk);
                return;
            }

            if (_partial.WrittenCount > 0)
            {
                _partial.Write(chunk[..newline]);
                Emit(_partial.WrittenSpan);
                _partial.Clear();
            }
            else
            {
                Emit(chunk[..newline]);
            }

            chunk = chunk[(newline + 1)..];
        }
    }

    private void Emit(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        _sink.Write(new LogLine(_unit, _time.GetUtcNow(), _stream, Encoding.UTF8.GetString(line)));
    }
}
