namespace Procurator.Supervisor.Logs;

/// <summary>Hands every line to each of several sinks in order (a tee: files and the console).</summary>
internal sealed class CombinedSink : ILogSink
{
    private readonly IReadOnlyList<ILogSink> _sinks;

    /// <param name="sinks">Each must be thread-safe itself; this adds no locking.</param>
    public CombinedSink(params IEnumerable<ILogSink> sinks) => _sinks = [.. sinks];

    /// <inheritdoc />
    public void Write(LogLine line)
    {
        foreach (var sink in _sinks)
            sink.Write(line);
    }

    /// <inheritdoc />
    public void Flush()
    {
        foreach (var sink in _sinks)
            sink.Flush();
    }
}
