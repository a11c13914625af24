using System.Globalization;
using Procurator.Connections;
using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// MariaDB, for the <c>mariadb</c> kind and (speaking MySQL's protocol) the <c>mysql</c> kind:
/// <c>mariadb-install-db</c> on first start into <c>data/</c> in the data directory, then the server on
/// 127.0.0.1 and the planned port, its socket beside the data, reading no system option file
/// (so it never meets a system-wide install's socket or pid file). Ready when it answers a ping
/// and the user and database its dependents use exist. Under root it runs as <c>mysql</c>.
/// </summary>
internal sealed class MariaDbPreset(string kind) : IServicePreset
{
    private const string SocketFile = "mysqld.sock";
    private const string SystemUser = "mysql";
    private static readonly string[] ServerDirectories = ["/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/opt/homebrew/bin"];
    private static readonly string[] ClientDirectories = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"];

    // Arguments are passed as $1.. so no path or port is ever spliced into the script text.
    // The databases live in DATA/data, installed beside it and moved in when complete: an
    // install cut short (Ctrl-C in the first seconds) is done again, not left half made.
    // Root gets no password (normal authentication, not the socket's OS user): the readiness
    // probe and a developer's client connect as root whoever runs the server.
    private const string Script =
        """
        set -e
        if [ ! -d "$3/data" ]; then
          echo "mariadb-install-db: first start, creating the databases in $3/data"
          rm -rf "$3/install.tmp"
          "$1" --no-defaults --datadir="$3/install.tmp" --auth-root-authentication-method=normal --skip-test-db >/dev/null
          mv "$3/install.tmp" "$3/data"
        fi
        mkdir -p "$5"
        exec "$2" --no-defaults --datadir="$3/data" --port="$4" --bind-address=127.0.0.1 --socket="$5/mysqld.sock" --skip-name-resolve
        """;

    // Ready when root reaches the server through its socket and the user and database exist;
    // made on every start (idempotent), for clients on 127.0.0.1 (TCP) and localhost (socket).
    // Names are checked once more here: they go into SQL text.
    private const string ReadyScript =
        """
        set -e
        "$1" --no-defaults --socket="$3" -u root --connect-timeout=2 ping >/dev/null
        user=$4 database=$5
        case "$user$database" in *[!A-Za-z0-9_]*) echo "unsafe user or database name: $user $database"; exit 2;; esac
        sql=""
        if [ "$user" != root ]; then
          sql="CREATE USER IF NOT EXISTS '$user'@'127.0.0.1'; CREATE USER IF NOT EXISTS '$user'@'localhost';"
        fi
        if [ -n "$database" ]; then
          sql="$sql CREATE DATABASE IF NOT EXISTS \`$database\`;"
          [ "$user" = root ] || sql="$sql GRANT ALL ON \`$database\`.* TO '$user'@'127.0.0.1', '$user'@'localhost';"
        fi
        [ -z "$sql" ] || "$2" --no-defaults --socket="$3" -u root --connect-timeout=2 -e "$sql"
        """;

    public string Kind => kind;

    public PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot)
    {
        var server = binaries.Find("mariadbd", ServerDirectories);
        var install = binaries.Find("mariadb-install-db", ClientDirectories);
        var admin = binaries.Find("mariadb-admin", ClientDirectories);
        var client = binaries.Find("mariadb", ClientDirectories);
        if (server is null || install is null || admin is null || client is null)
        {
            var missing = new[] { ("mariadbd", server), ("mariadb-install-db", install), ("mariadb-admin", admin), ("mariadb", client) }
                .Where(b => b.Item2 is null).Select(b => b.Item1);
            var mysql = kind == "mysql" ? " (the mysql kind runs MariaDB's server, which speaks MySQL's protocol)" : "";
            return PresetResult.NotInstalled(service,
                $"no MariaDB found{mysql}: {string.Join(", ", missing)} not on PATH or in {string.Join(", ", ServerDirectories.Union(ClientDirectories))}",
                "mariadb-server mariadb-client");
        }

        var portText = port.ToString(CultureInfo.InvariantCulture);
        var socketDirectory = SocketDirectory.For(kind, dataDirectory, SocketFile);
        var user = runningAsRoot ? SystemUser : null;
        var command = new CommandSpec("/bin/sh", ["-c", Script, $"{kind}-preset", install, server, dataDirectory, portText, socketDirectory],
            dataDirectory, service.Env, RunAsUser: user);
        var connection = ServiceConnection.For(service, ServiceConnection.LocalHost)!;
        var readiness = new ExecProbe(new CommandSpec("/bin/sh",
            ["-c", ReadyScript, $"{kind}-ready", admin, client, Path.Combine(socketDirectory, SocketFile), connection.User ?? "root", connection.Database ?? ""],
            dataDirectory, new Dictionary<string, string>()));
        var what = kind == "mysql" ? "mysql (MariaDB's server, which speaks MySQL's protocol; MySQL's own server is not run by the preset)" : "mariadb";
        return new PresetResult(command, readiness, new PreparedDirectory(service.Name, dataDirectory, user), null,
            $"{service.Name}: {what} from {server}, data in {dataDirectory}" +
            (socketDirectory == dataDirectory ? "" : $", socket in {socketDirectory} (the data path is too long for a Unix socket)"));
    }
}
