using System.Collections.Concurrent;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Machine;

namespace Procurator.Supervisor.Orchestration;

/// <summary>
/// Forwards every line to the user's sink and tells the loop about unit output: the newest
/// line of each unit and its explaining stderr line (<see cref="ErrorLines"/>, quoted in reasons), posted at most once until the loop
/// takes it, so a burst of output costs the loop one event, not one per line; and every line
/// of a unit whose log-line readiness is pending. Called from the runner's threads.
/// </summary>
internal sealed class ObservingLogSink(ILogSink inner, Action<object> post) : ILogSink
{
    private readonly ConcurrentDictionary<string, Newest> _newest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _everyLine = new(StringComparer.Ordinal);

    public void Write(LogLine line)
    {
        inner.Write(line);
        if (line.Stream == LogStream.Manager)
            return;

        var newest = _newest.GetOrAdd(line.Unit, _ => new Newest());
        if (line.Stream == LogStream.Stderr)
            newest.Errors.Add(line.Text);
        newest.Text = line.Text;
        if (_everyLine.ContainsKey(line.Unit))
            post(new OutputObserved(line.Unit, line.Text, newest.Errors.Explaining()));
        else if (Interlocked.Exchange(ref newest.Posted, 1) == 0)
            post(new OutputWaiting(line.Unit));
    }

    public void Flush() => inner.Flush();

    /// <summary>Until <see cref="SeeNewestOnly"/>, the loop gets every line of <paramref name="unit"/> (set before its spawn).</summary>
    public void SeeEveryLine(string unit) => _everyLine[unit] = 0;

    public void SeeNewestOnly(string unit) => _everyLine.TryRemove(unit, out _);

    /// <summary>On the loop: the unit's newest line and its explaining stderr line; a later line posts a new <see cref="OutputWaiting"/>.</summary>
    public OutputObserved Take(string unit)
    {
        var newest = _newest[unit];
        Interlocked.Exchange(ref newest.Posted, 0);
        return new OutputObserved(unit, newest.Text, newest.Errors.Explaining());
    }

    /// <summary>A unit has output the loop has not seen; <see cref="Take"/> gives the newest line.</summary>
    internal sealed record OutputWaiting(string Unit);

    private sealed class Newest
    {
        public volatile string Text = "";
        public int Posted;
        public readonly ErrorLines Errors = new();
    }
}
