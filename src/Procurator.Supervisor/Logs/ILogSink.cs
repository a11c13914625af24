namespace Procurator.Supervisor.Logs;

/// <summary>
/// Receives output lines as they are read, each with the time it was read. A sink may hold
/// lines until <see cref="Flush"/>: readers call it after each batch (one read from a pipe),
/// so a burst costs one write per batch, not one per line.
/// </summary>
internal interface ILogSink
{
    void Write(LogLine line);

    /// <summary>Hands every line written so far on (to the terminal, to the operating system).</summary>
    void Flush()
    {
    }
}

internal enum LogStream
{
    Stdout,
    Stderr,
    /// <summary>Lines the manager itself writes about the unit (state changes).</summary>
    Manager,
}

/// <param name="Unit">The unit the line belongs to.</param>
/// <param name="At">When the manager read it.</param>
/// <param name="Stream">Where it came from.</param>
/// <param name="Text">The line without its line ending.</param>
internal sealed record LogLine(string Unit, DateTimeOffset At, LogStream Stream, string Text);
