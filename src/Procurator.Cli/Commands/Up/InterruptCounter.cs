namespace Procurator.Cli.Commands.Up;

/// <summary>
/// Tells a second Ctrl-C from the first one seen twice. One key press can arrive as two
/// signals at once: the terminal sends SIGINT to the whole foreground process group, and a
/// wrapper in that group (<c>nix run</c>, a shell script, <c>dotnet</c>) may forward it again.
/// Signals within <see cref="Echo"/> of the first count as that first one, so they never
/// SIGKILL a database that was about to stop cleanly. Thread-safe.
/// </summary>
internal sealed class InterruptCounter(TimeProvider time)
{
    /// <summary>How soon after the first a signal is taken for the same Ctrl-C.</summary>
    public static readonly TimeSpan Echo = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private DateTimeOffset? _first;
    private bool _killed;

    /// <summary>A stop signal has been received (the stop was not the units' own doing).</summary>
    public bool Received
    {
        get
        {
            lock (_gate)
            {
                return _first is not null;
            }
        }
    }

    /// <summary>Classifies a signal that has just arrived.</summary>
    public Interrupt Next()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_first is not { } first)
            {
                _first = now;
                return Interrupt.Stop;
            }

            if (_killed || now - first >= Echo)
            {
                _killed = true;
                return Interrupt.Kill;
            }

            return Interrupt.Echo;
        }
    }
}
