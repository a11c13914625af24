using System.Runtime.InteropServices;

namespace Procurator.Supervisor.Processes;

/// <summary>The few libc calls the process layer needs (Linux and macOS share these numbers).</summary>
internal static class Native
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>errno for "no such process or group".</summary>
    public const int Esrch = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint SysGetEuid();

    [DllImport("libc", EntryPoint = "getsid", SetLastError = true)]
    private static extern int SysGetSid(int pid);

    public static bool IsRoot => SysGetEuid() == 0;

    /// <summary>The effective user id.</summary>
    public static uint UserId => SysGetEuid();

    /// <summary>The session id of <paramref name="pid"/>, or null when the process is gone.</summary>
    public static int? SessionOf(int pid)
    {
        var session = SysGetSid(pid);
        return session < 0 ? null : session;
    }

    public static int SignalNumber(StopSignal signal) => signal switch
    {
        StopSignal.Terminate => SigTerm,
        StopSignal.Kill => SigKill,
        StopSignal.Interrupt => SigInt,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    /// <summary>
    /// <c>kill(pid, signal)</c>; a negative pid addresses a process group. Returns false when
    /// the target no longer exists (ESRCH); other failures throw.
    /// </summary>
    public static bool Kill(int pid, int signal)
    {
        if (SysKill(pid, signal) == 0)
            return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == Esrch)
            return false;
        throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {errno}");
    }
}
