using System.Runtime.InteropServices;

namespace Procurator.IO;

/// <summary>
/// What <c>stat</c> says about a path: its type, permission bits, owner and size. .NET exposes
/// neither the type (a FIFO, a device) nor the owner, and both decide whether a file is safe to
/// open: opening a FIFO blocks until a writer comes, <c>/dev/zero</c> never ends. Linux only
/// (<c>statx</c>, whose layout is the same on every architecture); elsewhere <see cref="Of"/>
/// returns null and callers rely on their size cap alone. Lives in the SDK (internal) so the engine
/// (file readers) and the supervisor (the runtime folder's owner) share it.
/// </summary>
internal sealed record FileStatus(FileKind Kind, UnixFileMode Mode, uint Owner, long Size)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>The status of <paramref name="path"/> (of the link itself when <paramref name="followLinks"/> is false); null when it does not exist or cannot be asked.</summary>
    public static FileStatus? Of(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a libc older than glibc 2.28
        }

        // struct statx: stx_uid at 20, stx_mode (u16) at 28, stx_size at 40.
        var mode = BitConverter.ToUInt16(buffer[28..30]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Device,
        };
        return new FileStatus(kind, (UnixFileMode)(mode & 0xFFF), BitConverter.ToUInt32(buffer[20..24]), BitConverter.ToInt64(buffer[40..48]));
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}
