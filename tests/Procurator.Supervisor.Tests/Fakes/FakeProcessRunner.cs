using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Tests.Fakes;

/// <summary>Records spawns; tests drive output and exits through the returned <see cref="FakeProcess"/>.</summary>
internal sealed class FakeProcessRunner : IProcessRunner
{
    private readonly Lock _lock = new();
    private readonly List<FakeProcess> _started = [];
    private int _nextPid = 100;

    /// <summary>Units whose spawn throws <see cref="ProcessStartException"/>.</summary>
    public HashSet<string> FailingUnits { get; } = [];

    public IReadOnlyList<FakeProcess> Started
    {
        get
        {
            lock (_lock)
            {
                return [.. _started];
            }
        }
    }

    public IReadOnlyList<string> SpawnOrder => [.. Started.Select(p => p.Unit)];

    public IRunningProcess Start(string unitName, CommandSpec command, ILogSink output)
    {
        if (FailingUnits.Contains(unitName))
        {
            throw new ProcessStartException($"{command.FileName}: not found");
        }

        lock (_lock)
        {
            var process = new FakeProcess(unitName, ++_nextPid, output);
            _started.Add(process);
            return process;
        }
    }

    public FakeProcess Latest(string unit) => Started.Last(p => p.Unit == unit);
}
