using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Probes;

/// <summary>Keeps only the last non-empty output line of an exec probe, for the probe's detail.</summary>
internal sealed class LastLineSink : ILogSink
{
    private volatile string? _last;

    public string? Last => _last;

    public void Write(LogLine line)
    {
        if (!string.IsNullOrWhiteSpace(line.Text))
            _last = line.Text;
    }
}
