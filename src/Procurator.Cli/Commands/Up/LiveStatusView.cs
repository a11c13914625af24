using System.Text;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// Log lines scroll as usual; the status table stays pinned below them. Before each line the
/// table is erased (cursor up, clear to the end of the screen) and after it redrawn, at most
/// ten times a second; a ticker redraws it on state changes and every second (uptimes).
/// On dispose the final table is printed once and the cursor shown again.
/// </summary>
/// <remarks>
/// The rows are read (and the table rendered) only outside the lock that orders the console
/// output: the orchestrator writes log lines while holding its own lock.
/// </remarks>
internal sealed class LiveStatusView : IUpView
{
    private const string HideCursor = "\u001b[?25l";
    private const string ShowCursor = "\u001b[?25h";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan UptimeInterval = TimeSpan.FromSeconds(1);

    private readonly TextWriter _terminal;
    private readonly bool _colour;
    private readonly bool _unicode;
    private readonly Func<(int Width, int Height)> _size;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Func<IReadOnlyList<UnitReport>> _rows = () => [];
    private Task _ticker = Task.CompletedTask;
    private string _block = "";
    private int _shownLines;
    private long _drawnAt;
    private long _renderedAt;
    private int _renderedWidth;
    private int _changed;
    private bool _closed;

    /// <param name="terminal">The terminal (stdout).</param>
    /// <param name="notices">Where notices go when stderr is not this terminal; null sends them above the table.</param>
    /// <param name="unitNames">Units in display order (prefix colours and width).</param>
    /// <param name="colour">Colour in prefixes and in the table.</param>
    /// <param name="size">The terminal's width and height.</param>
    /// <param name="time">The clock of the redraws.</param>
    public LiveStatusView(TextWriter terminal, TextWriter? notices, IEnumerable<string> unitNames, bool colour, Func<(int Width, int Height)> size, TimeProvider time)
    {
        _terminal = terminal;
        _colour = colour;
        _unicode = terminal.Encoding is UTF8Encoding or UnicodeEncoding;
        _size = size;
        _time = time;
        Logs = new ConsoleSink(new LineWriter(WriteLine), unitNames, colour);
        Notices = notices ?? new LineWriter(WriteLine);
    }

    public ILogSink Logs { get; }

    public TextWriter Notices { get; }

    public void Start(Func<IReadOnlyList<UnitReport>> rows)
    {
        _rows = rows;
        var block = Render();
        lock (_gate)
        {
            _block = block;
            Flush(new StringBuilder(HideCursor).Append(Draw()));
        }

        _ticker = TickAsync(_stop.Token);
    }

    public void Changed() => Interlocked.Exchange(ref _changed, 1);

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
        }

        await _stop.CancelAsync();
        await _ticker;
        var block = Render();
        lock (_gate)
        {
            // The final table stays on screen, under the last lines; later lines go below it.
            var text = new StringBuilder(Erase()).Append(block).Append(ShowCursor);
            _closed = true;
            _shownLines = 0;
            Flush(text);
        }

        _stop.Dispose();
    }

    /// <summary>One line above the table.</summary>
    private void WriteLine(string line)
    {
        lock (_gate)
        {
            var text = new StringBuilder(Erase()).Append(line).Append('\n');
            if (!_closed && _time.GetElapsedTime(_drawnAt) >= Interval)
            {
                text.Append(Draw());
            }

            Flush(text);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var stale = Interlocked.Exchange(ref _changed, 0) == 1
                    || _time.GetElapsedTime(_renderedAt) >= UptimeInterval
                    || _size().Width != _renderedWidth;
                var block = stale ? Render() : null;
                lock (_gate)
                {
                    if (_closed || (block is null && _shownLines > 0))
                    {
                        continue;
                    }

                    _block = block ?? _block;
                    Flush(new StringBuilder(Erase()).Append(Draw()));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>Renders the table for the terminal's size now, keeping only the lines that fit.</summary>
    private string Render()
    {
        var (width, height) = _size();
        var text = LiveStatusTable.Render(_rows(), width, _colour, _unicode);
        var lines = text.Split('\n')[..^1];
        _renderedAt = _time.GetTimestamp();
        _renderedWidth = width;
        return lines.Length < height ? text : string.Join("", lines.Take(height - 1).Select(l => l + "\n"));
    }

    /// <summary>Moves to the first line of the table on screen and clears from there down.</summary>
    private string Erase()
    {
        if (_shownLines == 0)
        {
            return "";
        }

        var up = _shownLines;
        _shownLines = 0;
        return $"\r\u001b[{up}A\u001b[J";
    }

    private string Draw()
    {
        _shownLines = _block.Count(c => c == '\n');
        _drawnAt = _time.GetTimestamp();
        return _block;
    }

    private void Flush(StringBuilder text)
    {
        _terminal.Write(text.ToString());
        _terminal.Flush();
    }
}
