using System.Runtime.InteropServices;

namespace Procurator.Supervisor.Processes;

/// <summary>A user's numeric ids, looked up through the system user database (NSS included).</summary>
internal readonly record struct UserAccount(uint UserId, uint GroupId)
{
    [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
    private static extern IntPtr GetPwNam([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    /// <summary>The account, or null when no such user exists.</summary>
    public static UserAccount? Find(string name)
    {
        // struct passwd starts with pw_name, pw_passwd (pointers), pw_uid, pw_gid on Linux and macOS.
        var entry = GetPwNam(name);
        if (entry == IntPtr.Zero)
            return null;
        var ids = 2 * IntPtr.Size;
        return new UserAccount((uint)Marshal.ReadInt32(entry, ids), (uint)Marshal.ReadInt32(entry, ids + 4));
    }
}
