using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Procurator.Tests.Support;

namespace Procurator.Tests.Up;

/// <summary>
/// <c>procurator up</c> as a process with the real mariadb, memcached, nats and rabbitmq servers
/// from Debian. A project's check script reaches each server only through the env it is given
/// and prints what it got; the test asserts that, then stops everything with Ctrl-C and checks
/// that nothing that used the state folder still runs.
/// </summary>
public sealed partial class UpPresetIntegrationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    // The SQL makes a table in the named database as the named user (so the grant is real), and
    // counts its rows: 1 on the first start, 2 on the second (the data stayed).
    private const string SqlAndCacheAndBus =
        """
        set -e
        mariadb -h "$MYSQL_HOST" -P "$MYSQL_TCP_PORT" -u "$DB_USER" -N -e 'create table if not exists t(x int); insert into t values (1); select current_user(), database(), count(*) from t' "$DB_DATABASE"
        echo "url $DB_URL"
        exec 3<>"/dev/tcp/${MEMCACHE_SERVERS%:*}/${MEMCACHE_SERVERS#*:}"
        printf 'set k 0 0 2\r\nhi\r\nget k\r\nquit\r\n' >&3
        tr -d '\r' <&3
        echo "memcache $CACHE_URL"
        bus=${NATS_URL#nats://}
        exec 4<>"/dev/tcp/${bus%:*}/${bus#*:}"
        printf 'CONNECT {"verbose":false}\r\nPING\r\n' >&4
        head -n 2 <&4 | tr -d '\r' | cut -c 1-4
        echo "nats $NATS_URL"
        """;

    [RequiresToolFact("mariadbd", "mariadb-install-db", "mariadb-admin", "mariadb", "memcached", "nats-server", "bash", "setsid")]
    public async Task Up_runs_mariadb_with_its_user_and_database_memcached_and_nats_and_a_second_up_keeps_the_data()
    {
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        var (db, cache, bus) = (FreePort(), FreePort(), FreePort());
        dir.Write("app/check.sh", SqlAndCacheAndBus);
        dir.Write("procurator.csx", $$"""
            Service("db").Kind("mariadb").Port({{db}}).Database("shop").User("clerk");
            Service("cache").Kind("memcached").Port({{cache}});
            Service("bus").Kind("nats").Port({{bus}});
            Project("app", "./app").DependsOn("db", "cache", "bus").Process("check", "bash check.sh; exec sleep 1000");
            """);

        string[] Expected(int rows) =>
        [
            $"clerk@127.0.0.1\tshop\t{rows}",
            $"url mysql://clerk@127.0.0.1:{db}/shop",
            "STORED", "VALUE k 0 2", "hi", "END",
            $"memcache memcache://127.0.0.1:{cache}",
            "INFO", "PONG",
            $"nats nats://127.0.0.1:{bus}",
        ];

        var first = await UpUntilCheckedAsync(dir, state, Expected(1), ["bus", "cache", "db"]);
        Assert.Contains($"mariadb-install-db: first start, creating the databases in {state.Combine("data", "db", "data")}", first, StringComparison.Ordinal);
        Assert.True(Directory.Exists(state.Combine("data", "db", "data", "mysql")));
        Assert.False(Directory.Exists(state.Combine("data", "db", "install.tmp")));
        Assert.True(Directory.Exists(state.Combine("data", "bus", "jetstream")));

        // A second start skips the install, finds the user and database there, and sees the first row.
        var again = await UpUntilCheckedAsync(dir, state, Expected(2), ["bus", "cache", "db"]);
        Assert.DoesNotContain("first start", again, StringComparison.Ordinal);
    }

    // An AMQP 0-9-1 login with the URL's user and password: the protocol header, then
    // connection.start-ok (PLAIN); a broker that accepts answers with connection.tune (class 10, method 30).
    private const string QueueAndSql =
        """
        set -e
        credentials=${Q_URL#amqp://}; credentials=${credentials%@*}
        user=${credentials%:*} password=${credentials#*:}
        be32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)); }
        response=$((2 + ${#user} + ${#password}))
        exec 3<>"/dev/tcp/$Q_HOST/$Q_PORT"
        printf 'AMQP\0\0\11\1' >&3
        printf "\\x01\\x00\\x00$(be32 $((24 + response)))\\x00\\x0a\\x00\\x0b\\x00\\x00\\x00\\x00\\x05PLAIN$(be32 $response)\\x00%s\\x00%s\\x05en_US\\xce" "$user" "$password" >&3
        answer=$(timeout 3 cat <&3 | od -An -tx1 | tr -d ' \n' || true)
        case "$answer" in
          *000a001e*) echo "amqp login as $user: tuned" ;;
          *) echo "amqp login as $user failed: $answer" ;;
        esac
        mariadb -h "$MYSQL_HOST" -P "$MYSQL_TCP_PORT" -u "$SQL_USER" -N -e 'select current_user()'
        echo "url $SQL_URL"
        """;

    [RequiresToolFact("rabbitmq-server", "erl", "epmd", "mariadbd", "mariadb-install-db", "mariadb-admin", "mariadb", "bash", "timeout", "setsid")]
    public async Task Up_runs_rabbitmq_with_its_own_node_and_epmd_and_the_mysql_kind_and_a_project_logs_in_to_both()
    {
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        var (q, sql) = (FreePort(), FreePort());
        dir.Write("app/check.sh", QueueAndSql);
        dir.Write("procurator.csx", $$"""
            Service("q").Kind("rabbitmq").Port({{q}});
            Service("sql").Kind("mysql").Port({{sql}});
            Project("app", "./app").DependsOn("q", "sql").Process("check", "bash check.sh; exec sleep 1000");
            """);

        // The node answers its CLI through the private epmd and cookie that cli.env names.
        var diagnostics = "";
        var stderr = await UpUntilCheckedAsync(dir, state,
            ["amqp login as guest: tuned", "root@127.0.0.1", $"url mysql://root@127.0.0.1:{sql}/"], ["q", "sql"],
            async () => diagnostics = await RunAsync("bash", "-c", $"set -a; . {state.Combine("data", "q", "cli.env")}; /usr/lib/rabbitmq/bin/rabbitmq-diagnostics -q ping"));

        Assert.Equal("Ping succeeded\n", diagnostics);

        Assert.Contains("sql: mysql (MariaDB's server, which speaks MySQL's protocol; MySQL's own server is not run by the preset)", stderr, StringComparison.Ordinal);
        var cli = File.ReadAllText(state.Combine("data", "q", "cli.env"));
        Assert.Matches($"^HOME={Regex.Escape(state.Combine("data", "q"))}\nERL_EPMD_PORT=[0-9]+\nRABBITMQ_NODENAME=procurator-[0-9a-f]{{16}}@localhost\n$", cli);
    }

    /// <summary>
    /// Runs <c>up</c> until every unit is ready and the check printed <paramref name="expected"/>, then
    /// runs <paramref name="whileUp"/> and sends Ctrl-C; asserts a clean stop with nothing left running.
    /// Returns what up printed.
    /// </summary>
    private static async Task<string> UpUntilCheckedAsync(TempDirectory dir, TempDirectory state, string[] expected, string[] services, Func<Task>? whileUp = null)
    {
        using var up = RunningCli.Start(dir.Path, new Dictionary<string, string> { ["PROCURATOR_STATE_DIR"] = state.Path }, "up", "--no-color");
        await up.WaitUntilAsync(c => c.Stderr.Contains("procurator: all ready", StringComparison.Ordinal), Deadline, "all ready");
        await up.WaitUntilAsync(c => Said(c.Stdout, "app").Count >= expected.Length, Deadline, "the check printed everything");
        Assert.Equal(expected, Said(up.Stdout, "app"));
        foreach (var service in services)
        {
            Assert.Contains(ManagerLines(up.Stdout, service), l => l.StartsWith("-- Running -> Ready", StringComparison.Ordinal));
        }

        if (whileUp is not null)
            await whileUp();
        up.Interrupt();
        Assert.Equal(0, await up.WaitForExitAsync(Deadline));
        Assert.Contains("procurator: everything stopped", up.Stderr, StringComparison.Ordinal);
        var stillRunning = await StillUsingAsync(state.Path);
        Assert.Equal([], stillRunning);
        return up.Stderr + up.Stdout;
    }

    /// <summary>
    /// Processes whose command line, environment or working folder mentions <paramref name="path"/>
    /// (the servers, and rabbitmq's epmd, whose HOME is its data folder), once they had 10 s to go.
    /// </summary>
    private static async Task<string[]> StillUsingAsync(string path)
    {
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string[] found;
        do
        {
            found = [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Where(pid => Uses(pid!, path)).Select(Describe)];
            if (found.Length == 0)
                return found;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < end);
        return found;
    }

    private static bool Uses(string pid, string path)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
                return false;
            var cwd = new FileInfo($"/proc/{pid}/cwd").LinkTarget ?? "";
            return cwd.StartsWith(path, StringComparison.Ordinal)
                || File.ReadAllText($"/proc/{pid}/cmdline").Contains(path, StringComparison.Ordinal)
                || File.ReadAllText($"/proc/{pid}/environ").Contains(path, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Describe(string? pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return $"{pid} (gone)";
        }
    }

    /// <summary>Runs a command to its end; returns its stdout and stderr.</summary>
    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Deadline);
        return await output + await error;
    }

    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What a unit printed itself (not the manager's lines).</summary>
    private static List<string> Said(string stdout, string unit) =>
        [.. Lines(stdout, unit).Where(l => !l.StartsWith("-- ", StringComparison.Ordinal))];

    /// <summary>The manager's lines about a unit (its state changes).</summary>
    private static List<string> ManagerLines(string stdout, string unit) =>
        [.. Lines(stdout, unit).Where(l => l.StartsWith("-- ", StringComparison.Ordinal))];

    private static IEnumerable<string> Lines(string stdout, string unit) =>
        stdout.Split('\n').Select(l => ConsoleLine().Match(l)).Where(m => m.Success && m.Groups[1].Value == unit).Select(m => m.Groups[2].Value);

    [GeneratedRegex(@"^(\S+)\s+\| (.*)$")]
    private static partial Regex ConsoleLine();
}
