using Procurator.Model;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Planning;
using Procurator.Supervisor.Planning.Presets;
using Procurator.Supervisor.Specs;
using static Procurator.Supervisor.Tests.Planning.Workspaces;

namespace Procurator.Supervisor.Tests.Planning;

/// <summary>How the mariadb/mysql, rabbitmq, memcached and nats presets plan their units, on a Debian-like machine.</summary>
public sealed class ServicePresetPlanTests
{
    private const string Data = "/state/ws-0123456789abcdef/data";
    private static readonly StatePaths State = new("/state/ws-0123456789abcdef");

    // Debian 12 with mariadb-server, mariadb-client, rabbitmq-server, memcached and nats-server; PATH as a normal user's (no /usr/sbin).
    private static readonly HashSet<string> DebianFiles =
    [
        "/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb-admin", "/usr/bin/mariadb",
        "/usr/sbin/rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/bin/erl", "/usr/bin/epmd", "/usr/bin/bash", "/bin/bash",
        "/usr/bin/memcached", "/usr/sbin/nats-server",
    ];

    private static readonly BinaryLocator Debian = new("/usr/local/bin:/usr/bin:/bin", DebianFiles.Contains, _ => []);
    private static readonly BinaryLocator Empty = new("/nothing", _ => false, _ => []);

    private static UnitPlan Plan(ServiceModel service, BinaryLocator? binaries = null, bool root = false) =>
        UnitPlanner.Plan(With([], [service]), "/ws", State, binaries ?? Debian, root);

    [Fact]
    public void Mariadb_installs_on_first_start_runs_as_mysql_under_root_and_its_probe_makes_the_user_and_database()
    {
        var plan = Plan(Service("db", "mariadb", 3407) with { Database = "shop", User = "clerk" }, root: true);

        var db = Assert.Single(plan.Units);
        Assert.Equal("/bin/sh", db.Command.FileName);
        Assert.Equal(["mariadb-preset", "/usr/bin/mariadb-install-db", "/usr/sbin/mariadbd", $"{Data}/db", "3407", $"{Data}/db"], db.Command.Arguments.Skip(2));
        Assert.Contains("--bind-address=127.0.0.1", db.Command.Arguments[1], StringComparison.Ordinal);
        Assert.Contains("--no-defaults", db.Command.Arguments[1], StringComparison.Ordinal);
        Assert.Equal("mysql", db.Command.RunAsUser);
        Assert.Equal($"{Data}/db", db.Command.WorkingDirectory);
        var probe = Assert.IsType<ExecProbe>(db.Readiness);
        Assert.Equal(["mariadb-ready", "/usr/bin/mariadb-admin", "/usr/bin/mariadb", $"{Data}/db/mysqld.sock", "clerk", "shop"], probe.Command.Arguments.Skip(2));
        Assert.Null(probe.Command.RunAsUser);
        Assert.Equal([new PreparedDirectory("db", $"{Data}/db", "mysql")], plan.Directories);
        Assert.Equal([$"db: mariadb from /usr/sbin/mariadbd, data in {Data}/db"], plan.Notes);
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void Mysql_runs_mariadbs_server_says_so_and_as_a_normal_user_connects_as_root_to_no_database()
    {
        var plan = Plan(Service("mysql", "mysql", 3306));

        var db = Assert.Single(plan.Units);
        Assert.Null(db.Command.RunAsUser);
        Assert.Equal("mysql-preset", db.Command.Arguments[2]);
        var probe = Assert.IsType<ExecProbe>(db.Readiness);
        Assert.Equal(["root", ""], probe.Command.Arguments.TakeLast(2));
        Assert.Equal([new PreparedDirectory("mysql", $"{Data}/mysql", null)], plan.Directories);
        Assert.Equal([$"mysql: mysql (MariaDB's server, which speaks MySQL's protocol; MySQL's own server is not run by the preset) from /usr/sbin/mariadbd, data in {Data}/mysql"],
            plan.Notes);
    }

    [Fact]
    public void Mariadb_socket_moves_to_a_short_folder_when_the_data_path_is_too_long()
    {
        var deep = new StatePaths("/home/someone/" + new string('x', 80) + "/ws-0123456789abcdef");
        var plan = UnitPlanner.Plan(With([], [Service("db", "mariadb", 3306)]), "/ws", deep, Debian, false);

        var socketDirectory = Assert.Single(plan.Units).Command.Arguments[^1];
        Assert.Matches("^/tmp/procurator-mariadb-[0-9a-f]{16}$", socketDirectory);
        Assert.EndsWith($", socket in {socketDirectory} (the data path is too long for a Unix socket)", Assert.Single(plan.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Rabbitmq_uses_debians_scripts_not_the_user_switching_wrapper_with_its_own_node_name_and_an_amqp_handshake_probe()
    {
        var plan = Plan(Service("q", "rabbitmq", 5700), root: true);

        var q = Assert.Single(plan.Units);
        var node = RabbitMqPreset.NodeName($"{Data}/q");
        Assert.Matches("^procurator-[0-9a-f]{16}@localhost$", node);
        Assert.NotEqual(node, RabbitMqPreset.NodeName("/state/ws-fedcba9876543210/data/q"));
        Assert.Equal(["rabbitmq-preset", "/usr/bin/erl", "/usr/bin/epmd", "/usr/lib/rabbitmq/bin/rabbitmq-server", $"{Data}/q", "5700", node],
            q.Command.Arguments.Skip(2).Take(7));
        Assert.Null(q.Command.RunAsUser);
        var probe = Assert.IsType<ExecProbe>(q.Readiness);
        Assert.Equal("/usr/bin/bash", probe.Command.FileName);
        Assert.Equal(["rabbitmq-ready", "5700"], probe.Command.Arguments.Skip(2));
        Assert.Equal(TimeSpan.FromMilliseconds(500), probe.Period);
        Assert.Equal(TimeSpan.FromMinutes(3), q.StartupTimeout);
        Assert.Equal([new PreparedDirectory("q", $"{Data}/q", null)], plan.Directories);
        Assert.Equal([$"q: rabbitmq from /usr/lib/rabbitmq/bin/rabbitmq-server, node {node} with its own epmd, data in {Data}/q (to reach it: set -a; . {Data}/q/cli.env; /usr/lib/rabbitmq/bin/rabbitmqctl status)"],
            plan.Notes);
    }

    [Fact]
    public void Memcached_listens_on_localhost_tcp_only_and_runs_as_nobody_under_root()
    {
        var asRoot = Assert.Single(Plan(Service("cache", "memcached", 11300), root: true).Units);
        var asUser = Assert.Single(Plan(Service("cache", "memcached", 11300)).Units);

        Assert.Equal("/usr/bin/memcached", asRoot.Command.FileName);
        Assert.Equal(["--listen=127.0.0.1", "--port=11300", "--udp-port=0"], asRoot.Command.Arguments);
        Assert.Equal("nobody", asRoot.Command.RunAsUser);
        Assert.Null(asUser.Command.RunAsUser);
        Assert.Equal(new TcpProbe("127.0.0.1", 11300), asRoot.Readiness);
    }

    [Fact]
    public void Nats_is_found_in_usr_sbin_listens_on_localhost_and_keeps_jetstream_under_its_data()
    {
        var plan = Plan(Service("bus", "nats", 4333));

        var bus = Assert.Single(plan.Units);
        Assert.Equal("/usr/sbin/nats-server", bus.Command.FileName);
        Assert.Equal(["--addr", "127.0.0.1", "--port", "4333", "--jetstream", "--store_dir", $"{Data}/bus/jetstream"], bus.Command.Arguments);
        Assert.Equal(new TcpProbe("127.0.0.1", 4333), bus.Readiness);
        Assert.Equal(UnitSpec.DefaultStartupTimeout, bus.StartupTimeout);
        Assert.Equal([$"bus: nats from /usr/sbin/nats-server, JetStream data in {Data}/bus/jetstream"], plan.Notes);
    }

    [Theory]
    [InlineData("mariadb", "service 's': no MariaDB found: mariadbd, mariadb-install-db, mariadb-admin, mariadb not on PATH or in /usr/sbin, /usr/local/sbin, /usr/local/bin, /opt/homebrew/bin, /usr/bin; install it (Debian: apt-get install mariadb-server mariadb-client) or run through `nix run .#up`")]
    [InlineData("mysql", "service 's': no MariaDB found (the mysql kind runs MariaDB's server, which speaks MySQL's protocol): mariadbd, mariadb-install-db, mariadb-admin, mariadb not on PATH or in /usr/sbin, /usr/local/sbin, /usr/local/bin, /opt/homebrew/bin, /usr/bin; install it (Debian: apt-get install mariadb-server mariadb-client) or run through `nix run .#up`")]
    [InlineData("rabbitmq", "service 's': no RabbitMQ found: rabbitmq-server, erl, epmd, bash not on PATH or in /usr/lib/rabbitmq/bin, /usr/bin, /usr/lib/erlang/bin, /usr/local/bin, /opt/homebrew/bin; install it (Debian: apt-get install rabbitmq-server) or run through `nix run .#up`")]
    [InlineData("memcached", "service 's': no memcached found on PATH or in /usr/bin, /usr/local/bin, /opt/homebrew/bin; install it (Debian: apt-get install memcached) or run through `nix run .#up`")]
    [InlineData("nats", "service 's': no nats-server found on PATH or in /usr/sbin, /usr/bin, /usr/local/bin, /opt/homebrew/bin; install it (Debian: apt-get install nats-server) or run through `nix run .#up`")]
    public void Missing_binaries_are_a_PRO072_naming_them_and_the_debian_package(string kind, string message)
    {
        var plan = Plan(Service("s", kind, 1234), Empty);

        // Blocked, not dropped: its dependents are skipped naming it, the rest starts.
        Assert.Equal(message, Assert.Single(plan.Units).Blocked);
        var error = Assert.Single(plan.Errors);
        Assert.Equal(("PRO072", "s", message, ProblemScope.Unit), (error.Code, error.Subject, error.Message, error.Scope));
    }

    [Fact]
    public void Mariadb_with_only_its_client_missing_names_just_that()
    {
        var noClient = new BinaryLocator("/usr/bin", f => DebianFiles.Contains(f) && f != "/usr/bin/mariadb", _ => []);

        var error = Assert.Single(Plan(Service("db", "mariadb", 3306), noClient).Errors);

        Assert.StartsWith("service 'db': no MariaDB found: mariadb not on PATH", error.Message, StringComparison.Ordinal);
    }
}
