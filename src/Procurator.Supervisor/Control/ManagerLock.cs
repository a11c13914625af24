using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Procurator.Supervisor.Control;

/// <summary>
/// The advisory lock a manager holds for its whole life: <c>flock(LOCK_EX|LOCK_NB)</c> on the
/// lock file. The kernel drops it when the process dies, SIGKILL included, so whoever can take
/// it knows that no manager runs and that any socket file left behind is stale.
/// </summary>
/// <remarks>
/// .NET on Unix already takes <c>flock(LOCK_EX|LOCK_NB)</c> when a file is opened with
/// <see cref="FileShare.None"/>, unless <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set; the
/// lock is taken here explicitly on the handle's descriptor so that it holds either way.
/// </remarks>
internal sealed class ManagerLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    private readonly SafeFileHandle _handle;

    private ManagerLock(SafeFileHandle handle) => _handle = handle;

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static ManagerLock? TryAcquire(string path)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        if (Flock(handle, LockExclusive | LockNonBlocking) != 0)
        {
            handle.Dispose();
            return null;
        }

        return new ManagerLock(handle);
    }

    /// <summary>True when a live process holds the lock at <paramref name="path"/>.</summary>
    public static bool IsHeld(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var probe = TryAcquire(path);
        return probe is null;
    }

    /// <summary>Releases the lock (closing the descriptor releases it).</summary>
    public void Dispose() => _handle.Dispose();

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(SafeFileHandle fd, int operation);
}
