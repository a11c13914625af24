using System.Globalization;

namespace Procurator.Supervisor.Processes;

/// <summary>The fields of Linux <c>/proc/PID/stat</c> the manager needs.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="State">One letter: R, S, D, Z (zombie), T, X (dead) …</param>
/// <param name="ProcessGroup">Process group id (field 5).</param>
/// <param name="Session">Session id (field 6).</param>
internal readonly record struct ProcStat(int Pid, char State, int ProcessGroup, int Session)
{
    /// <summary>Exited but not yet reaped, or being torn down: not running any more.</summary>
    public bool IsDead => State is 'Z' or 'X' or 'x';

    /// <summary>Reads <c>/proc/PID/stat</c>; null when the process is gone.</summary>
    public static ProcStat? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses <c>pid (comm) state ppid pgrp session …</c>. The command name may hold spaces and
    /// parentheses, so fields are counted from the last <c>)</c>.
    /// </summary>
    public static ProcStat? Parse(string stat)
    {
        var close = stat.LastIndexOf(')');
        var open = stat.IndexOf(' ');
        if (close < 0 || open < 0)
            return null;
        var rest = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 4 || rest[0].Length != 1)
            return null;
        return int.TryParse(stat.AsSpan(0, open), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(rest[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var group)
            && int.TryParse(rest[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var session)
            ? new ProcStat(pid, rest[0][0], group, session)
            : null;
    }
}
