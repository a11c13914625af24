using System.Buffers;
using System.Text;
using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Reads one output pipe as raw bytes and hands complete lines to a sink, each stamped when
/// read, and flushes the sink after each read (one batch). Splits on <c>\n</c>, drops a
/// trailing <c>\r</c>, and emits a last line without a newline at end of file. Bytes are
/// decoded per line, so a multi-byte character split across two reads is never mangled. A
/// line longer than <see cref="MaxLineBytes"/> (a unit that never writes a newline, or
/// redraws a progress bar with <c>\r</c>) is emitted in pieces of that size, cut before a
/// multi-byte character, so the manager's memory stays bounded.
/// </summary>
internal sealed class OutputPump
{
    /// <summary>The longest line held; longer ones are split here (64 KiB).</summary>
    public const int MaxLineBytes = 64 * 1024;

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
                _sink.Flush();
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
        _sink.Flush();
    }

    private void Split(ReadOnlySpan<byte> chunk)
    {
        while (true)
        {
            var newline = chunk.IndexOf((byte)'\n');
            var piece = newline < 0 ? chunk : chunk[..newline];

            // Past the cap, the line so far goes out as a piece of its own.
            while (_partial.WrittenCount + piece.Length > MaxLineBytes)
            {
                var room = MaxLineBytes - _partial.WrittenCount;
                _partial.Write(piece[..room]);
                piece = piece[room..];
                EmitPiece();
            }

            if (newline < 0)
            {
                _partial.Write(piece);
                return;
            }

            if (_partial.WrittenCount > 0)
            {
                _partial.Write(piece);
                Emit(_partial.WrittenSpan);
                _partial.Clear();
            }
            else
            {
                Emit(piece);
            }

            chunk = chunk[(newline + 1)..];
        }
    }

    // Emits a full partial line, less a character cut at its end, which starts the next piece.
    private void EmitPiece()
    {
        var full = _partial.WrittenSpan;
        var keep = IncompleteTail(full);
        Span<byte> tail = stackalloc byte[3];
        full[^keep..].CopyTo(tail);
        Emit(full[..^keep], trimReturn: false);
        _partial.Clear();
        _partial.Write(tail[..keep]);
    }

    // How many bytes at the end begin a UTF-8 sequence that is not complete (0 to 3).
    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var i = 1; i <= Math.Min(3, bytes.Length); i++)
        {
            var b = bytes[^i];
            if ((b & 0xC0) == 0x80)
                continue;
            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > i ? i : 0;
        }

        return 0;
    }

    private void Emit(ReadOnlySpan<byte> line, bool trimReturn = true)
    {
        if (trimReturn && line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        _sink.Write(new LogLine(_unit, _time.GetUtcNow(), _stream, Encoding.UTF8.GetString(line)));
    }
}
