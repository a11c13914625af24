using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

/// <summary>
/// Declares a project. Verbs return the same builder; single-value settings replace,
/// list settings append.
/// </summary>
/// <example><code>Project("api", "./services/api").DependsOn("postgres").Port(8080);</code></example>
public sealed partial class ProjectBuilder : IDependencyTarget
{
    private readonly List<DependencyDeclaration> _dependencies = [];
    private readonly List<Located<string>> _buildDependencies = [];
    private readonly List<Located<int>> _ports = [];
    private readonly EnvList _env = new();
    private readonly List<Located<string>> _packages = [];
    private readonly List<ProcessDeclaration> _processes = [];
    private readonly List<HealthCheck> _healthChecks = [];
    private readonly List<ProcessDeclaration> _checks = [];

    internal ProjectBuilder(string name, string? path, ScriptSite site)
    {
        Name = name;
        PathAsWritten = path;
        Site = site;
    }

    /// <summary>The project's name.</summary>
    public string Name { get; }

    internal string? PathAsWritten { get; }
    internal ScriptSite Site { get; }
    internal string? DescriptionText { get; private set; }
    internal IReadOnlyList<DependencyDeclaration> Dependencies => _dependencies;
    internal IReadOnlyList<Located<string>> BuildDependencies => _buildDependencies;
    internal IReadOnlyList<Located<int>> PortList => _ports;
    internal IReadOnlyList<EnvDeclaration> EnvVars => _env.Items;
    internal IReadOnlyList<Located<string>> PackageList => _packages;
    internal IReadOnlyList<ProcessDeclaration> ProcessList => _processes;

    /// <summary>As written: a bad value is reported, at its line, by validation rather than thrown.</summary>
    internal Located<string>? RestartSetting { get; private set; }
    internal IReadOnlyList<HealthCheck> HealthCheckList => _healthChecks;
    internal IReadOnlyList<ProcessDeclaration> CheckList => _checks;

    /// <summary>Adds a runtime dependency by name: a project, a service or an external.</summary>
    /// <remarks>A name that is no declared project or service but a known service kind
    /// (postgres, redis, …) declares that service with its defaults.</remarks>
    /// <example><code>Project("api").DependsOn("postgres");</code></example>
    public ProjectBuilder DependsOn(string name, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        DependsOnCore([name], [], new ScriptSite(file, line, nameof(DependsOn)));

    /// <summary>Adds a runtime dependency and says what <c>procurator up</c> waits for before starting this project.</summary>
    /// <example><code>Project("api").DependsOn("migrate", WaitFor.Completed);</code></example>
    public ProjectBuilder DependsOn(string name, WaitFor condition, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        _dependencies.Add(new(name, null, new ScriptSite(file, line, nameof(DependsOn)), condition));
        return this;
    }

    /// <inheritdoc cref="DependsOn(string, CallerBarrier, string, int)"/>
    /// <example><code>Project("api").DependsOn("postgres", "redis");</code></example>
    public ProjectBuilder DependsOn(string first, string second, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        DependsOnCore([first, second], [], new ScriptSite(file, line, nameof(DependsOn)));

    /// <inheritdoc cref="DependsOn(string, CallerBarrier, string, int)"/>
    /// <example><code>Project("api").DependsOn("postgres", "redis", "auth");</code></example>
    public ProjectBuilder DependsOn(string first, string second, string third, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        DependsOnCore([first, second, third], [], new ScriptSite(file, line, nameof(DependsOn)));

    /// <summary>Adds runtime dependencies by name: projects, services or externals.</summary>
    /// <remarks>The one- to three-name forms are faster: this one finds its script line from the stack.</remarks>
    /// <example><code>Project("api").DependsOn("postgres", "redis", "auth", "billing");</code></example>
    public ProjectBuilder DependsOn(params string[] names) =>
        DependsOnCore(names, [], ScriptSites.FromStack(nameof(DependsOn)));

    /// <summary>Adds a runtime dependency on a declared project, service or external.</summary>
    /// <example><code>var pg = Service("postgres").Version("15");
    /// Project("api").DependsOn(pg);</code></example>
    public ProjectBuilder DependsOn(IDependencyTarget target, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        DependsOnCore([], [target], new ScriptSite(file, line, nameof(DependsOn)));

    /// <inheritdoc cref="DependsOn(IDependencyTarget, CallerBarrier, string, int)"/>
    /// <example><code>Project("api").DependsOn(pg, cache);</code></example>
    public ProjectBuilder DependsOn(IDependencyTarget first, IDependencyTarget second, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        DependsOnCore([], [first, second], new ScriptSite(file, line, nameof(DependsOn)));

    /// <summary>Adds runtime dependencies on declared projects, services or externals.</summary>
    /// <example><code>Project("api").DependsOn(pg, cache, auth);</code></example>
    public ProjectBuilder DependsOn(params IDependencyTarget[] targets) =>
        DependsOnCore([], targets, ScriptSites.FromStack(nameof(DependsOn)));

    /// <summary>Adds a build-time dependency on another project's packages.</summary>
    /// <example><code>Project("api").BuildDependsOn("shared-lib");</code></example>
    public ProjectBuilder BuildDependsOn(string projectName, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(projectName);
        _buildDependencies.Add(new(projectName, new ScriptSite(file, line, nameof(BuildDependsOn))));
        return this;
    }

    /// <summary>Adds a port the project listens on.</summary>
    /// <example><code>Project("api").Port(8080);</code></example>
    public ProjectBuilder Port(int port, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _ports.Add(new(port, new ScriptSite(file, line, nameof(Port))));
        return this;
    }

    /// <summary>Sets an environment variable; setting the same key again replaces it.</summary>
    /// <remarks>The project's own dev shell sees it as written; composed shells and the
    /// default shell see it as <c>&lt;PROJECT&gt;_&lt;KEY&gt;</c>.</remarks>
    /// <example><code>Project("api").Env("DATABASE_URL", "postgres://localhost:5432/api");</code></example>
    public ProjectBuilder Env(string key, string value, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _env.Set(key, value, new ScriptSite(file, line, nameof(Env)));
        return this;
    }

    /// <summary>Adds a nixpkgs attribute path to the project's dev shell.</summary>
    /// <example><code>Project("web").Packages("nodejs_20");</code></example>
    public ProjectBuilder Packages(string nixAttr, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AddPackages([nixAttr], new ScriptSite(file, line, nameof(Packages)));

    /// <inheritdoc cref="Packages(string, CallerBarrier, string, int)"/>
    /// <example><code>Project("web").Packages("nodejs_20", "python3Packages.requests");</code></example>
    public ProjectBuilder Packages(string first, string second, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AddPackages([first, second], new ScriptSite(file, line, nameof(Packages)));

    /// <summary>Adds nixpkgs attribute paths to the project's dev shell.</summary>
    /// <example><code>Project("web").Packages("nodejs_20", "pnpm", "python3");</code></example>
    public ProjectBuilder Packages(params string[] nixAttrs) =>
        AddPackages(nixAttrs, ScriptSites.FromStack(nameof(Packages)));

    /// <summary>Adds a long-running process, run through a shell in the project's folder.</summary>
    /// <example><code>Project("api").Process("web", "dotnet run");</code></example>
    public ProjectBuilder Process(string name, string shellCommand, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shellCommand);
        _processes.Add(new(name, shellCommand, new ScriptSite(file, line, nameof(Process))));
        return this;
    }

    /// <summary>
    /// Says what <c>procurator up</c> does when one of the project's long-running processes exits:
    /// <c>"no"</c> (leave it failed), <c>"on-failure"</c> (the default: restart after a non-zero
    /// exit, with backoff, giving up after repeated failures) or <c>"always"</c>. Tasks never restart.
    /// </summary>
    /// <example><code>Project("worker").Process("run", "./worker").Restart("always");</code></example>
    public ProjectBuilder Restart(string mode, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(mode);
        RestartSetting = new(mode, new ScriptSite(file, line, nameof(Restart)));
        return this;
    }

    /// <summary>
    /// Adds a one-shot task (a migration, a seed), run through a shell in the project's folder
    /// by <c>procurator up</c> before the project's processes start; it must exit 0.
    /// </summary>
    /// <example><code>Project("db").Task("migrate", "dbmate up").DependsOn("postgres");</code></example>
    public ProjectBuilder Task(string name, string shellCommand, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shellCommand);
        _processes.Add(new(name, shellCommand, new ScriptSite(file, line, nameof(Task)), OneShot: true));
        return this;
    }

    /// <summary>Adds a check (test, lint, …) that CI runs in the project's dev shell, in its folder.</summary>
    /// <example><code>Project("api").Check("test", "npm test").Check("lint", "npm run lint");</code></example>
    public ProjectBuilder Check(string name, string shellCommand, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shellCommand);
        _checks.Add(new(name, shellCommand, new ScriptSite(file, line, nameof(Check))));
        return this;
    }

    /// <summary>Adds a health check: <c>Tcp(port)</c>, <c>Http(url)</c> or <c>Exec(command)</c>.</summary>
    /// <example><code>Project("api").HealthCheck(Http("http://localhost:8080/health"));</code></example>
    public ProjectBuilder HealthCheck(HealthCheck check, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(check);
        _healthChecks.Add(check with { Site = new ScriptSite(file, line, nameof(HealthCheck)) });
        return this;
    }

    /// <summary>Sets what the project is, shown in its dev shell's metadata.</summary>
    /// <example><code>Project("api").Description("Public HTTP API");</code></example>
    public ProjectBuilder Description(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        DescriptionText = text;
        return this;
    }

    private ProjectBuilder DependsOnCore(string[] names, IDependencyTarget[] targets, ScriptSite site)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var name in names)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(names));
            _dependencies.Add(new(name, null, site));
        }

        foreach (var target in targets)
        {
            ArgumentNullException.ThrowIfNull(target, nameof(targets));
            _dependencies.Add(new(target.Name, target, site));
        }

        return this;
    }

    private ProjectBuilder AddPackages(string[] attrs, ScriptSite site)
    {
        ArgumentNullException.ThrowIfNull(attrs);
        foreach (var attr in attrs)
        {
            ArgumentNullException.ThrowIfNull(attr, nameof(attrs));
            _packages.Add(new(attr, site));
        }

        return this;
    }
}
