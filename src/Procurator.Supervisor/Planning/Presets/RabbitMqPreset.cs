using System.Globalization;
using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// RabbitMQ with everything of its own: a node name made from the data directory, its database,
/// logs, cookie (HOME) and an empty plugin list under the data directory, AMQP on 127.0.0.1 and
/// the planned port. Erlang distribution needs a port mapper (epmd) and a distribution port; the
/// unit runs its own epmd on a free port (so it stops with the unit and never meets a system-wide
/// node or another workspace's) and takes a free distribution port, both on loopback. Ready when
/// the port answers an AMQP 0-9-1 handshake with <c>connection.start</c>.
/// </summary>
internal sealed class RabbitMqPreset : IServicePreset
{
    // The Debian package's scripts; /usr/sbin/rabbitmq-server is a wrapper that switches to the
    // rabbitmq user with a fresh environment, which would lose every setting below.
    private const string DebianScripts = "/usr/lib/rabbitmq/bin";
    private static readonly string[] ErlangDirectories = ["/usr/bin", "/usr/lib/erlang/bin", "/usr/local/bin", "/opt/homebrew/bin"];

    // Two free loopback ports, asked of the OS at once so they differ: epmd's and distribution's.
    private const string FreePorts =
        "{ok,A}=gen_tcp:listen(0,[{ip,{127,0,0,1}}]),{ok,B}=gen_tcp:listen(0,[{ip,{127,0,0,1}}])," +
        "{ok,P}=inet:port(A),{ok,Q}=inet:port(B),io:format(\"~b ~b~n\",[P,Q]),halt().";

    // $1 erl, $2 epmd, $3 rabbitmq-server, $4 data directory, $5 AMQP port, $6 node name, $7 the Erlang above.
    // cli.env lets a developer reach the node: set -a; . DATA/cli.env; rabbitmqctl status (Debian's
    // from /usr/lib/rabbitmq/bin: the one in /usr/sbin switches user and drops the environment).
    private const string Script =
        """
        set -e
        ports=$("$1" -noshell -eval "$7")
        export ERL_EPMD_PORT="${ports% *}" RABBITMQ_DIST_PORT="${ports#* }" ERL_EPMD_ADDRESS=127.0.0.1
        export HOME="$4" RABBITMQ_NODENAME="$6" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$5"
        export RABBITMQ_MNESIA_BASE="$4/mnesia" RABBITMQ_LOG_BASE="$4/log" RABBITMQ_LOGS=- RABBITMQ_PID_FILE="$4/rabbitmq.pid"
        export RABBITMQ_CONFIG_FILE="$4/rabbitmq" RABBITMQ_ADVANCED_CONFIG_FILE="$4/advanced.config" RABBITMQ_ENABLED_PLUGINS_FILE="$4/enabled_plugins"
        export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        printf 'HOME=%s\nERL_EPMD_PORT=%s\nRABBITMQ_NODENAME=%s\n' "$HOME" "$ERL_EPMD_PORT" "$RABBITMQ_NODENAME" > "$4/cli.env"
        "$2" -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
        exec "$3"
        """;

    // An AMQP 0-9-1 protocol header; a usable broker answers with a connection.start frame
    // (type 1, channel 0, a 4-byte size, class 10, method 10).
    private const string ReadyScript =
        """
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf 'AMQP\0\0\11\1' >&3
        answer=$(head -c 11 <&3 | od -An -tx1 | tr -d ' \n')
        case "$answer" in
          010000????????000a000a) exit 0 ;;
          *) echo "no AMQP connection.start yet (got '$answer')"; exit 1 ;;
        esac
        """;

    // Its first boot took 16 s here on a quiet machine and 34 s on a loaded one (load 28 on 2 cores);
    // the default 60 s leaves too little room.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    public string Kind => "rabbitmq";

    public PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot)
    {
        var debian = Path.Combine(DebianScripts, "rabbitmq-server");
        var server = binaries.IsExecutable(debian) ? debian : binaries.OnPath("rabbitmq-server");
        var erl = binaries.Find("erl", ErlangDirectories);
        var epmd = binaries.Find("epmd", ErlangDirectories);
        var bash = binaries.Find("bash", "/bin", "/usr/bin");
        if (server is null || erl is null || epmd is null || bash is null)
        {
            var missing = new[] { ("rabbitmq-server", server), ("erl", erl), ("epmd", epmd), ("bash", bash) }.Where(b => b.Item2 is null).Select(b => b.Item1);
            return PresetResult.NotInstalled(service,
                $"no RabbitMQ found: {string.Join(", ", missing)} not on PATH or in {DebianScripts}, {string.Join(", ", ErlangDirectories)}",
                "rabbitmq-server");
        }

        var portText = port.ToString(CultureInfo.InvariantCulture);
        var node = NodeName(dataDirectory);
        var command = new CommandSpec("/bin/sh", ["-c", Script, "rabbitmq-preset", erl, epmd, server, dataDirectory, portText, node, FreePorts],
            dataDirectory, service.Env);
        // RabbitMQ takes several seconds to boot; asking every 100 ms would only add load.
        var readiness = new ExecProbe(new CommandSpec(bash, ["-c", ReadyScript, "rabbitmq-ready", portText], dataDirectory, new Dictionary<string, string>()))
        {
            Period = TimeSpan.FromMilliseconds(500),
        };
        return new PresetResult(command, readiness, new PreparedDirectory(service.Name, dataDirectory, null), null,
            $"{service.Name}: rabbitmq from {server}, node {node} with its own epmd, data in {dataDirectory} " +
            $"(to reach it: set -a; . {Path.Combine(dataDirectory, "cli.env")}; {Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl")} status)")
        {
            StartupTimeout = StartupTimeout,
        };
    }

    /// <summary>A node name no other workspace or system-wide install uses: named by the data directory.</summary>
    internal static string NodeName(string dataDirectory) => $"procurator-{SocketDirectory.Hash(dataDirectory)}@localhost";
}
