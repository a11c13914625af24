using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Tests.Support;

/// <summary>Keeps every line in memory.</summary>
internal sealed class CollectingSink : ILogSink
{
    private readonly List<LogLine> _lines = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_gate)
                return [.. _lines];
        }
    }

    public void Write(LogLine line)
    {
        lock (_gate)
            _lines.Add(line);
    }
}
