namespace Procurator.Supervisor.Control;

/// <summary>
/// The state directory holds env values (in unit logs and the manager's output) and service data:
/// files are 0600 and the logs folder 0700 whatever the caller's umask, so another local user reads
/// nothing. The state directory itself is 0711: others may pass through it but not list it, which
/// a service run as another user needs (postgres under root runs as 'postgres' in <c>data/</c>).
/// </summary>
internal static class PrivateState
{
    /// <summary>rw------- for files that may hold env values.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ for the folders that hold them.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rwx--x--x for the state directory: entered by a service's own user, listed by nobody else.</summary>
    public const UnixFileMode PassThroughMode = DirectoryMode | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Creates the state directory (0711) and its logs folder (0700), and narrows them when they exist with a wider mode.</summary>
    public static void Prepare(StatePaths state)
    {
        if (state.RuntimeParent is { } parent && !OperatingSystem.IsWindows())
        {
            RuntimeDirectory.Ensure(parent); // under /tmp: another user may have made it first
        }

        Directory(state.Directory, PassThroughMode);
        Directory(state.Logs);
    }

    /// <summary>Creates <paramref name="path"/> with <paramref name="mode"/> (default 0700), or narrows an existing one to it.</summary>
    public static void Directory(string path, UnixFileMode mode = DirectoryMode)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }

        System.IO.Directory.CreateDirectory(path, mode);
        Narrow(path, mode);
    }

    /// <summary>Creates <paramref name="path"/> empty with mode 0600 when missing, or narrows an existing one to it.</summary>
    public static void PrivateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete, UnixCreateMode = FileMode }))
        {
        }

        Narrow(path, FileMode);
    }

    // One that another user owns cannot be changed; it is left as it is rather than failing the start.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Narrow(string path, UnixFileMode mode)
    {
        try
        {
            if (File.GetUnixFileMode(path) != mode)
            {
                File.SetUnixFileMode(path, mode);
            }
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
