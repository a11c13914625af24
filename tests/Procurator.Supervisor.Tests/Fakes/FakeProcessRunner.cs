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
    private int _entered;

    /// <summary>Units whose spawn throws <see cref="ProcessStartException"/>.</summary>
    public HashSet<string> FailingUnits { get; } = [];

    /// <summary>When set, <see cref="Start"/> counts itself in <see cref="Entered"/> and waits for it, so a test sees spawns overlap.</summary>
    public ManualResetEventSlim? Hold { get; init; }

    /// <summary>Runs inside <see cref="Start"/> before it returns: output that comes before the spawn is reported.</summary>
    public Action<FakeProcess>? OnStart { get; init; }

    /// <summary>Calls to <see cref="Start"/> so far, returned or not.</summary>
    public int Entered => Volatile.Read(ref _entered);

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
        Interlocked.Increment(ref _entered);
        Hold?.Wait(TimeSpan.FromSeconds(30));
        if (FailingUnits.Contains(unitName))
        {
            throw new ProcessStartException($"{command.FileName}: not found");
        }

        lock (_lock)
        {
            var process = new FakeProcess(unitName, ++_nextPid, output);
            _started.Add(process);
            OnStart?.Invoke(process);
            return process;
        }
    }

    public FakeProcess Latest(string unit) => Started.Last(p => p.Unit == unit);
}
