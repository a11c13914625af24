using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;

namespace Procurator.Supervisor.Orchestration;

/// <summary>
/// Forwards every line to the user's sink and tells the machine about unit output (for the
/// last-line quote in reasons and for log-line readiness). Called from the runner's threads.
/// </summary>
internal sealed class ObservingLogSink(ILogSink inner, Action<MachineEvent> post) : ILogSink
{
    public void Write(LogLine line)
    {
        inner.Write(line);
        if (line.Stream != LogStream.Manager)
        {
            post(new OutputObserved(line.Unit, line.Text));
        }
    }
}
