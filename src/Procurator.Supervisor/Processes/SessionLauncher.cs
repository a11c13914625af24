namespace Procurator.Supervisor.Processes;

/// <summary>
/// Builds the command line that starts a program as the leader of a new session.
/// <c>System.Diagnostics.Process</c> cannot call <c>setsid()</c>, so the program is started
/// through util-linux <c>setsid</c>: the forked child is not a group leader, so <c>setsid</c>
/// calls <c>setsid()</c> and execs in place, and the PID we see is the program's own PID and
/// its session and group id. Where <c>setsid</c> is missing (stock macOS) a one-line
/// <c>perl</c> does the same.
/// </summary>
internal sealed class SessionLauncher
{
    private const string PerlSetsid = "use POSIX (); POSIX::setsid(); exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\"";

    private readonly string _launcher;
    private readonly IReadOnlyList<string> _launcherArguments;

    private SessionLauncher(string launcher, IReadOnlyList<string> launcherArguments)
    {
        _launcher = launcher;
        _launcherArguments = launcherArguments;
    }

    /// <summary>Finds <c>setsid</c> (or <c>perl</c>) on the manager's PATH.</summary>
    public static SessionLauncher Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if (ExecutableLocator.Find("setsid", path) is { } setsid)
            return new SessionLauncher(setsid, []);
        if (ExecutableLocator.Find("perl", path) is { } perl)
            return new SessionLauncher(perl, ["-e", PerlSetsid]);
        throw new ProcessStartException("Cannot start units in their own session: neither 'setsid' (util-linux) nor 'perl' is on PATH.");
    }

    /// <summary>The file and arguments that run <paramref name="arguments"/> in a new session.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(IReadOnlyList<string> arguments) =>
        (_launcher, [.. _launcherArguments, .. arguments]);
}
