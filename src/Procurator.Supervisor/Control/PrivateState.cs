namespace Procurator.Supervisor.Control;

/// <summary>
/// The state directory holds env values (in unit logs and the manager's output) and service data:
/// folders are 0700 and files 0600 whatever the caller's umask, so another local user reads nothing.
/// </summary>
public static class PrivateState
{
    /// <summary>rw------- for files that may hold env values.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ for the folders that hold them.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the state directory and its logs folder (0700), and narrows them when they exist with a wider mode.</summary>
    public static void Prepare(StatePaths state)
    {
        Directory(state.Directory);
        Directory(state.Logs);
    }

    /// <summary>Creates <paramref name="path"/> with mode 0700, or narrows an existing one to it.</summary>
    public static void Directory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }

        System.IO.Directory.CreateDirectory(path, DirectoryMode);
        Narrow(path, DirectoryMode);
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
