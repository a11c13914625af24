using System.Security.Cryptography;
using System.Text;
using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Control;

/// <summary>
/// Where the manager of a workspace listens and locks: <c>$XDG_RUNTIME_DIR/procurator/&lt;hash&gt;.sock</c>,
/// else <c>/tmp/procurator-&lt;uid&gt;/&lt;hash&gt;.sock</c> (directory mode 0700), with <c>&lt;hash&gt;.lock</c>
/// next to it. The hash is the first 16 hex digits of the SHA-256 of the workspace directory's full
/// path, so the path stays far below the 108-byte limit of a Unix socket address.
/// </summary>
/// <param name="Workspace">The workspace directory (full path).</param>
/// <param name="Directory">The runtime directory holding the socket and the lock.</param>
/// <param name="Socket">The control socket.</param>
/// <param name="Lock">The lock file held by the running manager.</param>
internal sealed record ControlPaths(string Workspace, string Directory, string Socket, string Lock)
{
    /// <summary>The paths for <paramref name="workspaceDirectory"/>, from the process environment.</summary>
    public static ControlPaths For(string workspaceDirectory) =>
        For(workspaceDirectory, Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"), Native.UserId);

    /// <summary>The paths for <paramref name="workspaceDirectory"/> given the runtime directory and user id.</summary>
    public static ControlPaths For(string workspaceDirectory, string? xdgRuntimeDirectory, uint userId)
    {
        var workspace = Normalize(workspaceDirectory);
        var hash = Key(workspace);
        var directory = string.IsNullOrEmpty(xdgRuntimeDirectory) || !Path.IsPathRooted(xdgRuntimeDirectory)
            ? $"/tmp/procurator-{userId}"
            : Path.Combine(xdgRuntimeDirectory, "procurator");
        return new ControlPaths(workspace, directory, Path.Combine(directory, $"{hash}.sock"), Path.Combine(directory, $"{hash}.lock"));
    }

    /// <summary>The workspace directory as it is keyed: full, without a trailing separator.</summary>
    internal static string Normalize(string workspaceDirectory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceDirectory));

    /// <summary>The workspace key: the first 16 hex digits of the SHA-256 of the normalized path (also names its state directory).</summary>
    internal static string Key(string normalizedWorkspace) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedWorkspace)))[..16];

    /// <summary>Creates the runtime directory (mode 0700) when it is missing; refuses one that is not private (<see cref="RuntimeDirectory"/>).</summary>
    public void EnsureDirectory() => RuntimeDirectory.Ensure(Directory);

    /// <summary>Refuses an existing runtime directory that is not private, before a client trusts its socket.</summary>
    public void VerifyDirectory() => RuntimeDirectory.Verify(Directory);
}
