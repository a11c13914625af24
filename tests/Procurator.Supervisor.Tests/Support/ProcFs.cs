namespace Procurator.Supervisor.Tests.Support;

/// <summary>Looks at processes through <c>/proc</c>, independently of the code under test.</summary>
internal static class ProcFs
{
    /// <summary>
    /// True when <paramref name="pid"/> runs (not a zombie) in session <paramref name="session"/>;
    /// checking the session keeps a reused PID from counting.
    /// </summary>
    public static bool IsRunningIn(int pid, int session)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] is not ("Z" or "X") && fields[3] == session.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Live (not zombie) processes of session <paramref name="session"/>, from a scan of <c>/proc</c>.</summary>
    public static IReadOnlyList<int> SessionMembers(int session) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsRunningIn(pid, session))
            .Order()];
}
