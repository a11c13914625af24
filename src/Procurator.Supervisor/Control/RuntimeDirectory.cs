using Procurator.IO;
using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Control;

/// <summary>
/// The folder holding the control socket and locks (and, without a home, the state). Under
/// <c>/tmp</c> its name is predictable, so another local user may create it first and then swap the
/// socket: <c>status</c> would print their table, <c>down</c> would stop nothing. It is used only
/// when it is a real directory (not a link) that this user owns with mode 0700; anything else is
/// refused with <see cref="ControlException.NotPrivate"/> (issue 21, row 9).
/// </summary>
internal static class RuntimeDirectory
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> with mode 0700 when missing, then checks it.</summary>
    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The control channel needs Unix domain sockets and flock (Linux, macOS).");
        }

        Directory.CreateDirectory(path, Private);
        Verify(path);
    }

    /// <summary>Checks <paramref name="path"/> when it exists (a client about to connect); a missing one is fine.</summary>
    public static void Verify(string path)
    {
        if (Problem(path, Native.UserId) is { } problem)
        {
            throw ControlException.NotPrivate(problem);
        }
    }

    /// <summary>Why <paramref name="path"/> must not be used by <paramref name="userId"/>; null when it is private (or missing, or stat is not available).</summary>
    internal static string? Problem(string path, uint userId)
    {
        if (FileStatus.Of(path, followLinks: false) is not { } status)
        {
            return null;
        }

        var mode = Convert.ToString((int)status.Mode, 8).PadLeft(4, '0');
        var found = status.Kind switch
        {
            FileKind.Directory when status.Owner != userId => $"it is owned by uid {status.Owner}, not by you (uid {userId}), mode {mode}",
            FileKind.Directory when (status.Mode & ~Private) != 0 => $"its mode is {mode}, wider than 0700",
            FileKind.Directory => null,
            FileKind.SymbolicLink => $"it is a symbolic link (owned by uid {status.Owner})",
            _ => $"it is not a directory (owned by uid {status.Owner}, mode {mode})",
        };
        return found is null ? null
            : $"the runtime folder {path} is not private: {found}; another local user could read or replace the control socket. " +
              $"Remove it (rm -rf {path}) if it is not yours, or set XDG_RUNTIME_DIR to a folder only you can enter";
    }
}
