using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Who listens on a TCP port. On Linux: the LISTEN sockets of <c>/proc/net/tcp</c> and
/// <c>tcp6</c> give the socket inode, a scan of <c>/proc/*/fd</c> for <c>socket:[inode]</c> gives
/// the PID, and <c>/proc/PID/cmdline</c> the command. Processes whose descriptors cannot be read
/// (another user's, without root) are passed over, so the holder may stay unnamed.
/// </summary>
internal static class PortOwners
{
    private const string Listen = "0A";

    /// <summary>Null when nothing listens on <paramref name="port"/>; else <c>port 5432 held by pid 1234 (postgres -D …)</c>.</summary>
    public static string? Conflict(int port, string procRoot = "/proc")
    {
        var inodes = ListeningInodes(port, procRoot);
        if (inodes is null)
        {
            // No /proc (macOS): try to bind it instead.
            return CanBind(port) ? null : $"port {port} held by another process";
        }

        if (inodes.Count == 0)
        {
            return null;
        }

        return Holder(inodes, procRoot) is { } holder
            ? $"port {port} held by pid {holder.Pid}{(holder.Command.Length > 0 ? $" ({holder.Command})" : "")}"
            : $"port {port} held by another process";
    }

    /// <summary>Inodes of the sockets listening on the port, or null when <c>/proc/net/tcp</c> is missing.</summary>
    internal static HashSet<string>? ListeningInodes(int port, string procRoot)
    {
        var tables = new[] { "tcp", "tcp6" }.Select(t => Path.Combine(procRoot, "net", t)).Where(File.Exists).ToList();
        if (tables.Count == 0)
        {
            return null;
        }

        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != Listen)
                {
                    continue;
                }

                var local = fields[1];
                var colon = local.LastIndexOf(':');
                if (colon > 0 && int.TryParse(local[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var localPort) && localPort == port)
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }

    private static (int Pid, string Command)? Holder(HashSet<string> inodes, string procRoot)
    {
        var targets = inodes.Select(i => $"socket:[{i}]").ToHashSet(StringComparer.Ordinal);
        var pids = Directory.EnumerateDirectories(procRoot)
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Order();
        foreach (var pid in pids)
        {
            try
            {
                var fds = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "fd");
                foreach (var fd in Directory.EnumerateFileSystemEntries(fds))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && targets.Contains(target))
                    {
                        return (pid, CommandLine(procRoot, pid));
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Not ours to read, or gone meanwhile.
            }
        }

        return null;
    }

    private static string CommandLine(string procRoot, int pid)
    {
        try
        {
            var raw = File.ReadAllText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "cmdline"));
            var command = string.Join(' ', raw.Split('\0', StringSplitOptions.RemoveEmptyEntries));
            return command.Length > 120 ? command[..117] + "..." : command;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return "";
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
