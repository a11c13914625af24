using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Tests.Fakes;

internal sealed class RecordingLogSink : ILogSink
{
    private readonly List<LogLine> _lines = [];

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(LogLine line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
