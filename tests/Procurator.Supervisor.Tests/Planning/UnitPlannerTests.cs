using Procurator.Model;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Planning;
using Procurator.Supervisor.Planning.Presets;
using Procurator.Supervisor.Specs;
using static Procurator.Supervisor.Tests.Planning.Workspaces;

namespace Procurator.Supervisor.Tests.Planning;

public sealed class UnitPlannerTests
{
    private const string Root = "/ws";

    // Service data lives in the state directory, never under the workspace (Root).
    private static readonly StatePaths State = new("/state/ws-0123456789abcdef");

    // A machine with Debian's postgres 14 and 15, pg_isready, psql and redis-server on PATH.
    private static readonly BinaryLocator Debian = new(
        "/usr/bin",
        file => file is "/usr/lib/postgresql/15/bin/postgres" or "/usr/lib/postgresql/14/bin/postgres" or "/usr/bin/pg_isready" or "/usr/bin/psql" or "/usr/bin/redis-server",
        dir => dir == "/usr/lib/postgresql" ? ["/usr/lib/postgresql/14", "/usr/lib/postgresql/15"] : []);

    private static readonly BinaryLocator Empty = new("/nothing", _ => false, _ => []);

    private static UnitPlan Plan(WorkspaceModel model, BinaryLocator? binaries = null, bool root = false) =>
        UnitPlanner.Plan(model, Root, State, binaries ?? Debian, root);

    [Fact]
    public void One_process_is_named_like_its_project_and_several_get_project_colon_process()
    {
        var plan = Plan(With(
            [Project("api", processes: [Process("web", "npm start")]),
             Project("jobs", processes: [Process("a", "x"), Process("b", "y")])], []));

        Assert.Equal(["api", "jobs:a", "jobs:b"], plan.Units.Select(u => u.Name));
        Assert.Equal(["jobs:a", "jobs:b"], plan.UnitsByName["jobs"]);
        var api = plan.Units[0];
        Assert.Equal(CommandSpec.Shell("npm start", "/ws/api", api.Command.Environment).Arguments, api.Command.Arguments);
        Assert.Equal("/ws/api", api.Command.WorkingDirectory);
    }

    [Fact]
    public void Dependencies_get_host_and_port_variables_and_project_env_wins()
    {
        var plan = Plan(With(
            [Project("api", dependsOn: ["postgres", "auth"], ports: [8080], processes: [Process("web", "run")],
                env: new() { ["AUTH_HOST"] = "auth.local" }),
             Project("auth", ports: [9000], processes: [Process("srv", "run")])],
            [Service("postgres", "postgres", 5433)]));

        var env = plan.Units.Single(u => u.Name == "api").Command.Environment;
        Assert.Equal("127.0.0.1", env["POSTGRES_HOST"]);
        Assert.Equal("5433", env["POSTGRES_PORT"]);
        Assert.Equal("auth.local", env["AUTH_HOST"]);
        Assert.Equal("9000", env["AUTH_PORT"]);
        Assert.Equal("8080", env["PORT"]);
    }

    [Fact]
    public void Readiness_is_the_health_check_else_tcp_on_the_first_port_else_none()
    {
        var plan = Plan(With(
            [Project("a", ports: [3000], processes: [Process("p", "x")], checks: [new HttpHealthCheck("http://127.0.0.1:3000/up")]),
             Project("b", ports: [4000, 4001], processes: [Process("p", "x")]),
             Project("c", processes: [Process("p", "x")])], []));

        Assert.Equal(new HttpProbe("http://127.0.0.1:3000/up"), plan.Units[0].Readiness);
        Assert.NotNull(plan.Units[0].Liveness);
        Assert.Equal(new TcpProbe("127.0.0.1", 4000), plan.Units[1].Readiness);
        Assert.Null(plan.Units[1].Liveness);
        Assert.Null(plan.Units[2].Readiness);
    }

    [Fact]
    public void A_checks_period_timeout_and_thresholds_reach_readiness_and_liveness()
    {
        var timed = new HttpHealthCheck("http://127.0.0.1:3000/up")
        {
            Period = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(1.5),
            Failures = 4,
            Successes = 2,
        };
        var plan = Plan(With(
            [Project("a", processes: [Process("p", "x")], checks: [timed]),
             Project("b", processes: [Process("p", "x")], checks: [new TcpHealthCheck(4000)])], []));

        var probe = new HttpProbe("http://127.0.0.1:3000/up")
        {
            Period = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(1.5),
            FailureThreshold = 4,
            SuccessThreshold = 2,
        };
        Assert.Equal(probe, plan.Units[0].Readiness);
        Assert.Equal(probe, plan.Units[0].Liveness);

        // Without settings: fast readiness, liveness every 2 s, 2 s timeout, 3 failures, 1 success.
        Assert.Equal(new TcpProbe("127.0.0.1", 4000), plan.Units[1].Readiness);
        Assert.Equal(new TcpProbe("127.0.0.1", 4000) { Period = TimeSpan.FromSeconds(2) }, plan.Units[1].Liveness);
        Assert.Equal((TimeSpan.FromSeconds(2), 3, 1), (plan.Units[1].Liveness!.Timeout, plan.Units[1].Liveness!.FailureThreshold, plan.Units[1].Liveness!.SuccessThreshold));
    }

    [Fact]
    public void A_log_line_check_gates_readiness_only()
    {
        var plan = Plan(With([Project("search", ports: [9200], processes: [Process("p", "x")], checks: [new LogLineHealthCheck("started in [0-9.]+s")])], []));

        Assert.Equal(new LogLineProbe("started in [0-9.]+s"), plan.Units[0].Readiness);
        Assert.Null(plan.Units[0].Liveness);
    }

    [Fact]
    public void Tasks_gate_their_projects_processes_and_dependents_wait_for_completion()
    {
        var plan = Plan(With(
            [Project("db", processes: [Task("migrate", "dbmate up")]),
             Project("api", dependsOn: ["db"], processes: [Task("seed", "seed"), Process("web", "run")])], []));

        var web = plan.Units.Single(u => u.Name == "api:web");
        Assert.Equal(
            [new UnitDependency("db", DependencyCondition.CompletedSuccessfully), new UnitDependency("api:seed", DependencyCondition.CompletedSuccessfully)],
            web.DependsOn);
        var seed = plan.Units.Single(u => u.Name == "api:seed");
        Assert.Equal(UnitRole.Task, seed.Role);
        Assert.Equal(RestartMode.No, seed.Restart.Mode);
        Assert.Equal([new UnitDependency("db", DependencyCondition.CompletedSuccessfully)], seed.DependsOn);
    }

    [Fact]
    public void Conditions_from_the_script_are_kept_and_impossible_ones_are_errors()
    {
        var plan = Plan(With(
            [Project("api", dependsOn: ["mail", "web", "cache"], processes: [Process("p", "x")],
                conditions: new Dictionary<string, WaitFor> { ["mail"] = WaitFor.Started, ["web"] = WaitFor.Completed, ["cache"] = WaitFor.Completed }),
             Project("web", processes: [Process("srv", "x")])],
            [Service("mail", port: 1025, command: "mailpit"), Service("cache", "redis", 6379)]));

        Assert.Contains(new UnitDependency("mail", DependencyCondition.Started), plan.Units.Single(u => u.Name == "api").DependsOn);
        Assert.Equal(
            [new PlanProblem("PRO071", "api", "project 'api' waits for 'web' to complete, but its process 'srv' runs until stopped; declare the one-shot work with Task(...)"),
             new PlanProblem("PRO071", "api", "project 'api' waits for service 'cache' to complete, but a service runs until stopped; use WaitFor.Ready or WaitFor.Started")],
            plan.Errors);
    }

    [Fact]
    public void A_project_without_processes_passes_its_dependencies_through()
    {
        var plan = Plan(With(
            [Project("lib", dependsOn: ["postgres"]),
             Project("api", dependsOn: ["lib"], processes: [Process("p", "x")])],
            [Service("postgres", "postgres", 5432)]));

        Assert.Equal([new UnitDependency("postgres")], plan.Units.Single(u => u.Name == "api").DependsOn);
        Assert.Empty(plan.UnitsByName["lib"]);
    }

    [Fact]
    public void Postgres_preset_uses_the_asked_version_runs_as_postgres_under_root_and_probes_with_pg_isready_then_makes_user_and_database()
    {
        var plan = Plan(With([], [Service("db", "postgres", 5544, version: "14") with { Database = "shop", User = "clerk" }]), root: true);

        var db = Assert.Single(plan.Units);
        Assert.Equal("/usr/lib/postgresql/14/bin", db.Command.Arguments[3]);
        Assert.Equal("/state/ws-0123456789abcdef/data/db", db.Command.Arguments[4]);
        Assert.Equal("5544", db.Command.Arguments[5]);
        Assert.Equal("/state/ws-0123456789abcdef/data/db", db.Command.Arguments[6]);
        Assert.Equal("postgres", db.Command.RunAsUser);
        var probe = Assert.IsType<ExecProbe>(db.Readiness);
        Assert.Equal("/bin/sh", probe.Command.FileName);
        Assert.Equal(["postgres-ready", "/usr/bin/pg_isready", "5544", "clerk", "shop", "/usr/bin/psql"], probe.Command.Arguments.Skip(2));
        Assert.Equal([new PreparedDirectory("db", "/state/ws-0123456789abcdef/data/db", "postgres")], plan.Directories);
        Assert.Equal(["db: postgres from /usr/lib/postgresql/14/bin (version 14 as asked), data in /state/ws-0123456789abcdef/data/db"], plan.Notes);
    }

    [Fact]
    public void Postgres_socket_moves_to_a_short_folder_when_the_data_path_is_too_long_for_a_unix_socket()
    {
        Assert.Equal("/state/ws-0123456789abcdef/data/db", PostgresPreset.SocketDirectory("/state/ws-0123456789abcdef/data/db", "5432"));
        var deep = "/home/someone/" + new string('x', 80) + "/ws-0123456789abcdef/data/db";
        var moved = PostgresPreset.SocketDirectory(deep, "5432");
        Assert.Matches("^/tmp/procurator-pg-[0-9a-f]{16}$", moved);
        Assert.Equal(moved, PostgresPreset.SocketDirectory(deep, "5432"));
        Assert.NotEqual(moved, PostgresPreset.SocketDirectory(deep + "2", "5432"));
    }

    [Fact]
    public void Postgres_without_a_version_takes_the_newest_install_and_not_root_runs_as_the_user()
    {
        var plan = Plan(With([], [Service("postgres", "postgres", 5432)]));

        var db = Assert.Single(plan.Units);
        Assert.Equal("/usr/lib/postgresql/15/bin", db.Command.Arguments[3]);
        Assert.Null(db.Command.RunAsUser);
    }

    [Fact]
    public void Redis_preset_listens_on_localhost_with_its_data_directory()
    {
        var plan = Plan(With([], [Service("cache", "redis", 6380)]));

        var cache = Assert.Single(plan.Units);
        Assert.Equal("/usr/bin/redis-server", cache.Command.FileName);
        Assert.Equal(["--port", "6380", "--bind", "127.0.0.1", "--dir", "/state/ws-0123456789abcdef/data/cache", "--save", "", "--appendonly", "no", "--daemonize", "no"],
            cache.Command.Arguments);
        Assert.Equal(new TcpProbe("127.0.0.1", 6380), cache.Readiness);
    }

    [Fact]
    public void Missing_binaries_and_kinds_without_a_preset_are_errors_that_say_what_to_do()
    {
        var plan = Plan(With([], [Service("postgres", "postgres", 5432), Service("q", "kafka", 9092), Service("cache", "redis", 6379)]), Empty);

        Assert.Equal(["cache", "postgres", "q"], plan.Units.Select(u => u.Name));
        Assert.Equal(3, plan.Errors.Count);
        Assert.All(plan.Errors, e => Assert.Equal(ProblemScope.Unit, e.Scope));
        Assert.Empty(plan.Fatal);
        Assert.Equal(["PRO072", "PRO070", "PRO072"], plan.Errors.Select(e => e.Code));
        Assert.Equal(["postgres", "q", "cache"], plan.Errors.Select(e => e.Subject));
        Assert.StartsWith("service 'postgres': no postgres server found", plan.Errors[0].Message);
        Assert.Equal("service 'q': kind 'kafka' has no built-in preset (mariadb, memcached, mysql, nats, postgres, rabbitmq and redis do); give it a command, e.g. Service(\"q\").Command(\"…\")", plan.Errors[1].Message);
        Assert.StartsWith("service 'cache': no redis-server found", plan.Errors[2].Message);
    }

    [Fact]
    public void A_service_command_runs_through_a_shell_with_its_port()
    {
        var plan = Plan(With([], [Service("mail", port: 1025, command: "mailpit --smtp 127.0.0.1:$PORT")]));

        var mail = Assert.Single(plan.Units);
        Assert.Equal(["-c", "mailpit --smtp 127.0.0.1:$PORT"], mail.Command.Arguments);
        Assert.Equal("1025", mail.Command.Environment["PORT"]);
        Assert.Equal(new TcpProbe("127.0.0.1", 1025), mail.Readiness);
    }

    [Fact]
    public void Selecting_by_project_service_or_unit_name()
    {
        var plan = Plan(With([Project("jobs", processes: [Process("a", "x"), Process("b", "y")])], [Service("cache", "redis", 6379)]));

        Assert.Equal(["jobs:a", "jobs:b", "cache"], plan.Select(["jobs", "cache", "jobs:a"], out var unknown));
        Assert.Empty(unknown);
        plan.Select(["nope"], out unknown);
        Assert.Equal(["nope"], unknown);
    }
}
