namespace Procurator.Supervisor.Logs;

/// <summary>Receives output lines as they are read, each with the time it was read.</summary>
public interface ILogSink
{
    void Write(LogLine line);
}

public enum LogStream
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
public sealed record LogLine(string Unit, DateTimeOffset At, LogStream Stream, string Text);
