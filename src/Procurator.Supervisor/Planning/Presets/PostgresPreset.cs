using Procurator.Connections;
using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// Postgres: <c>initdb</c> on first start into the data directory, then the server with its
/// socket in that directory, listening on 127.0.0.1 only; ready when <c>pg_isready</c> says so.
/// Postgres refuses to run as root, so under root it runs as the <c>postgres</c> user.
/// </summary>
internal sealed class PostgresPreset : IServicePreset
{
    // Arguments are passed as $1.. so no path or port is ever spliced into the script text.
    private const string Script =
        """
        set -e
        if [ ! -s "$2/PG_VERSION" ]; then
          echo "initdb: first start, creating the cluster in $2"
          "$1/initdb" -D "$2" -A trust -U postgres --no-sync -E UTF8
        fi
        mkdir -p "$4"
        exec "$1/postgres" -D "$2" -p "$3" -k "$4" -h 127.0.0.1
        """;

    // Ready when the server answers and the user and database its dependents use exist; creating
    // them here (idempotent, names quoted by format's %I) makes them on every start, not only the first.
    private const string ReadyScript =
        """
        set -e
        "$1" -q -U postgres -d postgres -h 127.0.0.1 -p "$2"
        [ "$3" = postgres ] && [ "$4" = postgres ] && exit 0
        "$5" -X -q -v ON_ERROR_STOP=1 -v u="$3" -v d="$4" -h 127.0.0.1 -p "$2" -U postgres -d postgres <<'SQL'
        SELECT format('CREATE ROLE %I LOGIN', :'u') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'u') \gexec
        SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'d') \gexec
        SQL
        """;

    public string Kind => "postgres";

    public PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot)
    {
        var (bin, why) = FindBin(service.Version, binaries);
        if (bin is null)
        {
            return PresetResult.NotInstalled(service,
                "no postgres server found (looked for initdb and postgres on PATH and in /usr/lib/postgresql/*/bin)",
                "postgresql");
        }

        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var socketDirectory = SocketDirectory(dataDirectory, portText);
        var command = new CommandSpec("/bin/sh", ["-c", Script, "postgres-preset", bin, dataDirectory, portText, socketDirectory],
            dataDirectory, service.Env, RunAsUser: runningAsRoot ? "postgres" : null);
        var isReady = binaries.OnPath("pg_isready") ?? ExistingFile(Path.Combine(bin, "pg_isready"), binaries);
        var psql = binaries.OnPath("psql") ?? ExistingFile(Path.Combine(bin, "psql"), binaries);
        var connection = ServiceConnection.For(service, ServiceConnection.LocalHost)!;
        Probe readiness = isReady is not null && psql is not null
            ? new ExecProbe(new CommandSpec("/bin/sh", ["-c", ReadyScript, "postgres-ready", isReady, portText, connection.User!, connection.Database!, psql], dataDirectory, new Dictionary<string, string>()))
            : new TcpProbe("127.0.0.1", port);
        return new PresetResult(command, readiness, new PreparedDirectory(service.Name, dataDirectory, runningAsRoot ? "postgres" : null), null,
            $"{service.Name}: postgres from {bin} ({why}), data in {dataDirectory}" +
            (socketDirectory == dataDirectory ? "" : $", socket in {socketDirectory} (the data path is too long for a Unix socket)"));
    }

    /// <summary>The socket's directory: beside the data unless that path is too long for a Unix socket.</summary>
    internal static string SocketDirectory(string dataDirectory, string port) =>
        Presets.SocketDirectory.For("pg", dataDirectory, $".s.PGSQL.{port}");

    /// <summary>The asked version's Debian install, else PATH (nix shells), else the newest install.</summary>
    private static (string? Bin, string Why) FindBin(string? version, BinaryLocator binaries)
    {
        var installs = binaries.Versioned("/usr/lib/postgresql", version)
            .Where(v => binaries.IsExecutable(Path.Combine(v.BinDirectory, "postgres")))
            .ToArray();
        if (version is not null && installs.FirstOrDefault(v => v.Version == version) is { BinDirectory: { } asked })
        {
            return (asked, $"version {version} as asked");
        }

        if (binaries.OnPath("postgres") is { } onPath)
        {
            return (Path.GetDirectoryName(onPath), "on PATH");
        }

        return installs.Length > 0
            ? (installs[0].BinDirectory, $"newest installed, {installs[0].Version}{(version is null ? "" : $"; {version} was asked")}")
            : (null, "");
    }

    private static string? ExistingFile(string file, BinaryLocator binaries) => binaries.IsExecutable(file) ? file : null;
}
