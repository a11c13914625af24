namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// Where a server's Unix socket goes: beside its data (easy to find) unless that path is too
/// long for a socket (at most 107 bytes; servers refuse to start beyond that); then into a short
/// folder under /tmp named by a hash of the data directory, so two workspaces never share one.
/// </summary>
internal static class SocketDirectory
{
    private const int MaxSocketPath = 107;

    /// <summary>The directory for the socket file <paramref name="socketFile"/> of a <paramref name="kind"/> server.</summary>
    public static string For(string kind, string dataDirectory, string socketFile)
    {
        if (Path.Combine(dataDirectory, socketFile).Length <= MaxSocketPath)
        {
            return dataDirectory;
        }

        return $"/tmp/procurator-{kind}-{Hash(dataDirectory)}";
    }

    /// <summary>A short, stable name for a data directory (16 hex digits of its SHA-256).</summary>
    public static string Hash(string dataDirectory) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..16];
}
