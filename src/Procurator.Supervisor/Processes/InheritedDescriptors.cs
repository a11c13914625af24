using System.Runtime.InteropServices;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Descriptors this process inherited beyond stdin, stdout and stderr (a caller's <c>flock</c>'d
/// file, a pipe of its build tool) must not reach the detached manager or the units: a manager that
/// kept a caller's lock would hold it for as long as it runs. .NET opens its own files close-on-exec;
/// this marks the inherited ones so too, once, before anything is started. What Procurator passes on
/// purpose is set up after this, on the child's stdin/stdout/stderr.
/// </summary>
internal static class InheritedDescriptors
{
    private const uint CloseRangeCloexec = 4;
    private const int SetDescriptorFlags = 2; // F_SETFD
    private const int DescriptorCloseOnExec = 1; // FD_CLOEXEC

    /// <summary>Marks every descriptor from 3 up close-on-exec (Linux; elsewhere nothing is done).</summary>
    public static void MarkCloseOnExec()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // One call on Linux 5.11+ (glibc 2.34+).
            if (CloseRange(3, uint.MaxValue, CloseRangeCloexec) == 0)
            {
                return;
            }
        }
        catch (EntryPointNotFoundException)
        {
        }

        // Older kernels: each open descriptor, as /proc lists it.
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2)
            {
                _ = SetFlags(fd, SetDescriptorFlags, DescriptorCloseOnExec);
            }
        }
    }

    [DllImport("libc", EntryPoint = "close_range", SetLastError = true)]
    private static extern int CloseRange(uint first, uint last, uint flags);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int SetFlags(int fd, int command, int flags);
}
