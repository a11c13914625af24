using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

/// <summary>
/// The entry points of a <c>procurator.csx</c> script. Scripts see these members without
/// a <c>using</c>: <c>Project</c>, <c>Service</c>, <c>External</c>, <c>Shell</c>,
/// <c>Workspace</c> and the health checks <c>Tcp</c>, <c>Http</c> and <c>Exec</c>.
/// </summary>
/// <example><code>Project("api").DependsOn("postgres").Port(8080);</code></example>
public static class Dsl
{
    /// <summary>Declares a project; <paramref name="path"/> defaults to <c>./NAME</c> beside the script.</summary>
    /// <example><code>Project("api", "./services/api").DependsOn("postgres").Port(8080);</code></example>
    public static ProjectBuilder Project(string name, string? path = null, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DslContext.Current.AddProject(name, path, new ScriptSite(file, line, nameof(Project)));
    }

    /// <summary>Declares a backing service; a known kind (postgres, redis, …) brings its default port.</summary>
    /// <example><code>Service("postgres").Version("15");
    /// Service("cache").Kind("redis").Port(6380);</code></example>
    public static ServiceBuilder Service(string name, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DslContext.Current.AddService(name, new ScriptSite(file, line, nameof(Service)));
    }

    /// <summary>Declares a project of another repository by its flake reference.</summary>
    /// <example><code>External("auth", "github:acme/auth");</code></example>
    public static ExternalBuilder External(string name, string flakeRef, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(flakeRef);
        return DslContext.Current.AddExternal(name, flakeRef, new ScriptSite(file, line, nameof(External)));
    }

    /// <summary>Declares a dev shell over one project (<c>nix develop .#NAME</c>), its env vars namespaced.</summary>
    /// <example><code>Shell("api-only", "api");</code></example>
    public static ShellBuilder Shell(string name, string project, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AddShell(name, [project], new ScriptSite(file, line, nameof(Shell)));

    /// <summary>Declares a composed dev shell over projects (<c>nix develop .#NAME</c>).</summary>
    /// <example><code>Shell("backend", "api", "worker");</code></example>
    public static ShellBuilder Shell(string name, string first, string second, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AddShell(name, [first, second], new ScriptSite(file, line, nameof(Shell)));

    /// <inheritdoc cref="Shell(string, string, string, CallerBarrier, string, int)"/>
    /// <example><code>Shell("backend", "api", "worker", "billing");</code></example>
    public static ShellBuilder Shell(string name, string first, string second, string third, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AddShell(name, [first, second, third], new ScriptSite(file, line, nameof(Shell)));

    /// <summary>Declares a composed dev shell over several projects (<c>nix develop .#NAME</c>).</summary>
    /// <example><code>Shell("everything", "api", "worker", "billing", "web");</code></example>
    public static ShellBuilder Shell(string name, params string[] projects) =>
        AddShell(name, projects, ScriptSites.FromStack(nameof(Shell)));

    private static ShellBuilder AddShell(string name, string[] projects, ScriptSite site)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(projects);
        foreach (var project in projects)
        {
            ArgumentNullException.ThrowIfNull(project, nameof(projects));
        }

        return DslContext.Current.AddShell(name, projects.ToArray(), site);
    }

    /// <summary>Switches on a policy written inline; it gets the resolved workspace and a report.</summary>
    /// <example><code>Policy("no-direct-postgres", (workspace, report) =>
    /// {
    ///     foreach (var p in workspace.Projects.Where(p => p.DependsOn.Contains("postgres") &amp;&amp; p.Name != "data"))
    ///         report.Error(p, "only the data layer talks to postgres");
    /// });</code></example>
    public static PolicyBuilder Policy(string name, Action<WorkspaceModel, PolicyReport> check,
        CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(check);
        return DslContext.Current.AddPolicy(new LambdaPolicy(name, check), name, new ScriptSite(file, line, nameof(Policy)));
    }

    /// <summary>Switches on a policy class (from a <c>#load</c>ed file or an assembly referenced with <c>#r</c>).</summary>
    /// <example><code>Policy(new TeamPolicies.NoRedisForFrontends());</code></example>
    public static PolicyBuilder Policy(IPolicy policy,
        CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return DslContext.Current.AddPolicy(policy, policy.Name, new ScriptSite(file, line, nameof(Policy)));
    }

    /// <summary>Switches on a built-in policy by name: <c>services-have-health-checks</c>, <c>pinned-versions</c>, <c>ports-in-team-range</c>.</summary>
    /// <example><code>Use("services-have-health-checks");</code></example>
    public static PolicyBuilder Use(string builtInPolicy,
        CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(builtInPolicy);
        var policy = BuiltInPolicies.ByName.TryGetValue(builtInPolicy, out var make) ? make() : null;
        return DslContext.Current.AddPolicy(policy, builtInPolicy, new ScriptSite(file, line, nameof(Use)));
    }

    /// <summary>Declares a team; <c>.Owns(...)</c> lists its projects and services.</summary>
    /// <example><code>Team("payments").Owns("billing", "invoices").Ports(7000, 7999);</code></example>
    public static TeamBuilder Team(string name,
        CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DslContext.Current.AddTeam(name, new ScriptSite(file, line, nameof(Team)));
    }

    /// <summary>Workspace-wide settings: name, description, nixpkgs and systems.</summary>
    /// <example><code>Workspace.Name("shop").Nixpkgs("github:NixOS/nixpkgs/nixos-24.05");</code></example>
    public static WorkspaceBuilder Workspace => DslContext.Current.Workspace;

    /// <summary>
    /// A health check that connects to a TCP port. The optional settings apply to readiness
    /// and liveness alike: <paramref name="period"/> seconds between attempts,
    /// <paramref name="timeout"/> seconds per attempt, <paramref name="failures"/> failed
    /// liveness attempts in a row before a restart, <paramref name="successes"/> passes in a
    /// row before ready. Left out: readiness polls fast (up to every 0.1 s), liveness every 2 s,
    /// 2 s timeout, 3 failures, 1 success.
    /// </summary>
    /// <example><code>Service("redis").HealthCheck(Tcp(6379));
    /// Service("queue").HealthCheck(Tcp(5672, period: 5, failures: 5));</code></example>
    public static HealthCheck Tcp(int port, double? period = null, double? timeout = null, int? failures = null, int? successes = null) =>
        Timed(new TcpHealthCheck(port), period, timeout, failures, successes);

    /// <summary>A health check that requests a URL; 2xx and 3xx answers are healthy. The optional settings are those of <see cref="Tcp"/>.</summary>
    /// <example><code>Project("api").HealthCheck(Http("http://localhost:8080/health"));
    /// Project("api").HealthCheck(Http("http://localhost:8080/health", period: 5, timeout: 2, failures: 3));</code></example>
    public static HealthCheck Http(string url, double? period = null, double? timeout = null, int? failures = null, int? successes = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Timed(new HttpHealthCheck(url), period, timeout, failures, successes);
    }

    /// <summary>
    /// A readiness check that waits for a line of the process's output to match a regular
    /// expression (for servers that say when they are ready but open their port early).
    /// </summary>
    /// <example><code>Project("search").HealthCheck(LogLine("started in [0-9.]+ ?s"));</code></example>
    public static HealthCheck LogLine(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new LogLineHealthCheck(pattern);
    }

    /// <summary>A health check that runs a shell command; exit code 0 is healthy. The optional settings are those of <see cref="Tcp"/>.</summary>
    /// <example><code>Service("postgres").HealthCheck(Exec("pg_isready -h localhost"));
    /// Service("postgres").HealthCheck(Exec("pg_isready -h localhost", period: 10, timeout: 5));</code></example>
    public static HealthCheck Exec(string command, double? period = null, double? timeout = null, int? failures = null, int? successes = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Timed(new ExecHealthCheck(command), period, timeout, failures, successes);
    }

    private static HealthCheck Timed(HealthCheck check, double? period, double? timeout, int? failures, int? successes) => check with
    {
        Period = Seconds(period),
        Timeout = Seconds(timeout),
        Failures = failures,
        Successes = successes,
    };

    // Out-of-range values (NaN, negative, huge) become a negative span that validation reports at the script line.
    private static TimeSpan? Seconds(double? seconds) => seconds is not { } value ? null
        : double.IsFinite(value) && value is >= 0 and <= HealthCheckLimits.MaxSeconds ? TimeSpan.FromSeconds(value) : TimeSpan.FromSeconds(-1);
}
