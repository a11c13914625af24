// A stand-in manager for the "SIGKILL leaves no orphans" test: starts units with grandchildren
// under a guardian, prints every PID of their sessions, then blocks until it is killed.
using System.Globalization;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

var guardian = Guardian.Start();
var runner = new PosixProcessRunner(guardian);
var environment = new Dictionary<string, string>();
var units = new (string Name, string Script, int Members)[]
{
    ("tree", "sh -c 'sleep 1000 & sleep 1000' & wait", 3),
    // Ignores TERM, so only the guardian's KILL ends it.
    ("stubborn", "trap '' TERM; sleep 1000 & sleep 1000 & wait", 3),
};

foreach (var (name, script, members) in units)
{
    var process = runner.Start(name, CommandSpec.Shell(script, "/", environment), NullSink.Instance);
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (process.LivePids().Count < members && DateTime.UtcNow < deadline)
        Thread.Sleep(20);
    foreach (var pid in process.LivePids())
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pid {pid} session {process.Pid}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"guardian {guardian.Pid}"));
Console.WriteLine("ready");
Console.Out.Flush();
Thread.Sleep(Timeout.Infinite);

internal sealed class NullSink : ILogSink
{
    public static readonly NullSink Instance = new();

    public void Write(LogLine line)
    {
    }
}
