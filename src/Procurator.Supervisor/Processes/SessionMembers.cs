using System.Diagnostics;
using System.Globalization;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Lists the live processes of a session. Linux: a scan of <c>/proc/*/stat</c> by session id,
/// zombies excluded. Elsewhere (macOS): <c>pgrep -g</c> by process group, which misses
/// processes that moved to another group of the session and may list zombies.
/// </summary>
internal static class SessionMembers
{
    /// <summary>Live members of session <paramref name="sessionId"/>, in pid order.</summary>
    public static IReadOnlyList<ProcStat> Live(int sessionId) =>
        OperatingSystem.IsLinux() ? ScanProc(sessionId) : Pgrep(sessionId);

    private static List<ProcStat> ScanProc(int sessionId)
    {
        var members = new List<ProcStat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            if (ProcStat.Read(pid) is { } stat && stat.Session == sessionId && !stat.IsDead)
                members.Add(stat);
        }

        members.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        return members;
    }

    private static List<ProcStat> Pgrep(int groupId)
    {
        var start = new ProcessStartInfo("pgrep", ["-g", groupId.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var pgrep = Process.Start(start) ?? throw new InvalidOperationException("pgrep did not start");
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))
            .Order()
            .Select(pid => new ProcStat(pid, 'S', groupId, groupId))
            .ToList();
    }
}
