using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Checks a unit's declared ports before it spawns: a port something else already listens on
/// stops the start with a permanent <see cref="ProcessStartException"/> (<c>port 5432 held by pid
/// 1234 (postgres -D …)</c>): restarting cannot free a port someone else holds, so the unit fails at once.
/// </summary>
internal sealed class PortCheckingRunner : IProcessRunner
{
    private readonly IProcessRunner _inner;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<int>> _ports;
    private readonly Func<int, string?> _conflict;
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="inner">The runner that spawns.</param>
    /// <param name="units">The units, for their declared ports.</param>
    /// <param name="conflict">Says who holds a port (null: free); the default reads <c>/proc</c>.</param>
    public PortCheckingRunner(IProcessRunner inner, IEnumerable<UnitSpec> units, Func<int, string?>? conflict = null)
    {
        _inner = inner;
        _ports = units.ToDictionary(u => u.Name, u => u.Ports, StringComparer.Ordinal);
        _conflict = conflict ?? (port => PortOwners.Conflict(port));
    }

    /// <inheritdoc />
    public IRunningProcess Start(string unitName, CommandSpec command, ILogSink output)
    {
        var ports = _ports.GetValueOrDefault(unitName) ?? [];
        foreach (var port in ports)
        {
            // Processes of one project share its ports: a sibling of ours holding it is no conflict.
            if (!SiblingHolds(unitName, port) && _conflict(port) is { } message)
            {
                throw new ProcessStartException(message) { Permanent = true };
            }
        }

        var process = _inner.Start(unitName, command, output);
        lock (_gate)
        {
            _running[unitName] = _running.GetValueOrDefault(unitName) + 1;
        }

        process.Exited.ContinueWith(
            _ =>
            {
                lock (_gate)
                {
                    _running[unitName]--;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return process;
    }

    private bool SiblingHolds(string unitName, int port)
    {
        lock (_gate)
        {
            return _ports.Any(u => u.Key != unitName && u.Value.Contains(port) && _running.GetValueOrDefault(u.Key) > 0);
        }
    }
}
