using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

/// <summary>
/// Declares a backing service. Declaring the same name again adds to the same service;
/// two different versions of one service are an error that names both requesters.
/// </summary>
/// <example><code>var pg = Service("postgres").Version("15").Port(5432);</code></example>
public sealed class ServiceBuilder : IDependencyTarget
{
    private readonly EnvList _env = new();

    internal ServiceBuilder(string name, ScriptSite site)
    {
        Name = name;
        Site = site;
    }

    /// <summary>The service's name.</summary>
    public string Name { get; }

    internal ScriptSite Site { get; }
    internal Located<string>? KindSetting { get; private set; }
    internal Located<string>? VersionSetting { get; private set; }
    internal Located<int>? PortSetting { get; private set; }
    internal IReadOnlyList<EnvDeclaration> EnvVars => _env.Items;
    internal HealthCheck? HealthCheckSetting { get; private set; }
    internal Located<string>? CommandSetting { get; private set; }
    internal Located<string>? DatabaseSetting { get; private set; }
    internal Located<string>? UserSetting { get; private set; }

    /// <summary>
    /// The service's URL for a project's env, in its ecosystem's form
    /// (<c>postgresql://user@127.0.0.1:5432/db</c>, <c>redis://127.0.0.1:6379/0</c>): a reference
    /// filled in where the env is made, so it follows port, database and user. Writing it makes
    /// the project depend on this service. Other parts: <c>${name.host}</c>, <c>${name.port}</c>,
    /// <c>${name.user}</c>, <c>${name.database}</c>.
    /// </summary>
    /// <example><code>var pg = Service("postgres").Database("shop");
    /// Project("api").Env("DATABASE_URL", pg.Url);</code></example>
    public string Url => Connections.ConnectionReference.Format(Name, Connections.ConnectionPart.Url);

    /// <summary>Names the database its dependents use; <c>procurator up</c> creates it on start if it is missing.</summary>
    /// <example><code>Service("postgres").Database("shop");</code></example>
    public ServiceBuilder Database(string name, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        DatabaseSetting = new(name, new ScriptSite(file, line, nameof(Database)));
        return this;
    }

    /// <summary>Names the user its dependents connect as; <c>procurator up</c> creates it on start if it is missing.</summary>
    /// <example><code>Service("postgres").User("shop");</code></example>
    public ServiceBuilder User(string name, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        UserSetting = new(name, new ScriptSite(file, line, nameof(User)));
        return this;
    }

    /// <summary>
    /// Sets the shell command <c>procurator up</c> runs for this service. Postgres and redis
    /// have built-in presets; other kinds need a command.
    /// </summary>
    /// <example><code>Service("mailpit").Port(1025).Command("mailpit --smtp 127.0.0.1:1025");</code></example>
    public ServiceBuilder Command(string shellCommand, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(shellCommand);
        CommandSetting = new(shellCommand, new ScriptSite(file, line, nameof(Command)));
        return this;
    }

    /// <summary>Sets the kind (postgres, redis, mysql, …); it defaults to the name when the name is a known kind.</summary>
    /// <example><code>Service("cache").Kind("redis");</code></example>
    public ServiceBuilder Kind(string kind, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(kind);
        KindSetting = new(kind, new ScriptSite(file, line, nameof(Kind)));
        return this;
    }

    /// <summary>Sets the version to run, such as <c>"15"</c> for postgres.</summary>
    /// <example><code>Service("postgres").Version("15");</code></example>
    public ServiceBuilder Version(string version, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(version);
        VersionSetting = new(version, new ScriptSite(file, line, nameof(Version)));
        return this;
    }

    /// <summary>Sets the port; known kinds default to their usual port.</summary>
    /// <example><code>Service("redis").Port(6380);</code></example>
    public ServiceBuilder Port(int port, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        PortSetting = new(port, new ScriptSite(file, line, nameof(Port)));
        return this;
    }

    /// <summary>Sets an environment variable of the service; the same key again replaces it.</summary>
    /// <example><code>Service("postgres").Env("POSTGRES_DB", "app");</code></example>
    public ServiceBuilder Env(string key, string value, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _env.Set(key, value, new ScriptSite(file, line, nameof(Env)));
        return this;
    }

    /// <summary>Sets the health check: <c>Tcp(port)</c>, <c>Http(url)</c> or <c>Exec(command)</c>.</summary>
    /// <example><code>Service("postgres").HealthCheck(Exec("pg_isready"));</code></example>
    public ServiceBuilder HealthCheck(HealthCheck check, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(check);
        HealthCheckSetting = check with { Site = new ScriptSite(file, line, nameof(HealthCheck)) };
        return this;
    }
}
