namespace Procurator.Model;

/// <summary>The resolved, validated workspace: what a script declares, sorted by name.</summary>
public sealed record WorkspaceModel(
    string Name,
    string? Description,
    string Nixpkgs,
    IReadOnlyList<string> Systems,
    IReadOnlyList<ProjectModel> Projects,
    IReadOnlyList<ServiceModel> Services,
    IReadOnlyList<ExternalModel> Externals,
    IReadOnlyList<ShellModel> Shells)
{
    /// <summary>Teams and what they own; empty unless the script declares <c>Team(...)</c>.</summary>
    public IReadOnlyList<TeamModel> Teams { get; init; } = [];

    /// <summary>
    /// The flake whose <c>packages.&lt;system&gt;.default</c> provides <c>bin/procurator</c> for the master
    /// flake's service-manager apps; null when they run the <c>procurator</c> on PATH.
    /// </summary>
    public string? ProcuratorFlake { get; init; }
}

/// <summary>A project of the workspace: a folder, usually with a <c>flake.nix</c> of its own.</summary>
/// <param name="Name">The project's name.</param>
/// <param name="Path">Its folder relative to the workspace, such as <c>./services/api</c>.</param>
/// <param name="Description">What the project is, if the script says.</param>
/// <param name="DependsOn">Runtime dependencies: projects, services and externals.</param>
/// <param name="BuildDependsOn">Projects whose packages this project builds against.</param>
/// <param name="Ports">The ports the project listens on.</param>
/// <param name="Env">Its environment variables, as written in the script.</param>
/// <param name="Packages">Nixpkgs attribute paths for its dev shell.</param>
/// <param name="Processes">The processes that run it.</param>
/// <param name="HealthChecks">How to tell that it is healthy.</param>
/// <param name="FlakeInput">The flake input name for its own <c>flake.nix</c>, or null when it has none.</param>
public sealed record ProjectModel(
    string Name,
    string Path,
    string? Description,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> BuildDependsOn,
    IReadOnlyList<int> Ports,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> Packages,
    IReadOnlyList<ProcessModel> Processes,
    IReadOnlyList<HealthCheck> HealthChecks,
    string? FlakeInput)
{
    /// <summary>Checks (tests, linters) CI runs in the project's dev shell.</summary>
    public IReadOnlyList<ProcessModel> Checks { get; init; } = [];

    /// <summary>
    /// Dependencies whose condition is not the default <see cref="WaitFor.Ready"/>, by name:
    /// what <c>procurator up</c> waits for before starting this project.
    /// </summary>
    public IReadOnlyDictionary<string, WaitFor> DependencyConditions { get; init; } = new Dictionary<string, WaitFor>();

    /// <summary>
    /// The restart policy of the project's long-running processes under <c>procurator up</c>;
    /// null is the default (<see cref="RestartMode.OnFailure"/>).
    /// </summary>
    public RestartMode? Restart { get; init; }

    /// <summary>Env vars whose values are secrets, by name: only where a value comes from, never the value.</summary>
    public IReadOnlyList<SecretModel> Secrets { get; init; } = [];

    /// <summary>The container image an export deploys it from (<c>.Image(...)</c>); null: the one the master flake builds.</summary>
    public string? Image { get; init; }

    /// <summary>How many copies an export runs (<c>.Replicas(n)</c>); null: one.</summary>
    public int? Replicas { get; init; }

    /// <summary>What each copy asks for in an export (<c>.Resources(...)</c>); null: nothing said.</summary>
    public ResourceRequest? Resources { get; init; }
}

/// <summary>A secret env var of a project: read by <c>procurator up</c> from its environment, <c>.env</c>, or <paramref name="Command"/>.</summary>
/// <param name="Name">The env var the processes get.</param>
/// <param name="Command">A shell command whose output is the value, tried last; null when there is none.</param>
public sealed record SecretModel(string Name, string? Command);

/// <summary>A process of a project, started through a shell in the project's folder.</summary>
/// <param name="Name">Its name, unique in the project.</param>
/// <param name="Command">The shell command line.</param>
public sealed record ProcessModel(string Name, string Command)
{
    /// <summary>True for a one-shot task (a migration) declared with <c>Task(...)</c>; false for a long-running process.</summary>
    public bool OneShot { get; init; }
}

/// <summary>A backing service such as postgres or redis.</summary>
/// <param name="Name">The service's name.</param>
/// <param name="Kind">Its kind (<c>postgres</c>, <c>redis</c>, …), or null for a custom service.</param>
/// <param name="Version">The version asked for, or null for the nixpkgs default.</param>
/// <param name="Port">Its port, given or the kind's default.</param>
/// <param name="Env">Environment variables for the service.</param>
/// <param name="HealthCheck">How to tell that it is healthy, if given.</param>
/// <param name="Implicit">True when no script line declared it and a dependency on a known kind did.</param>
public sealed record ServiceModel(
    string Name,
    string? Kind,
    string? Version,
    int? Port,
    IReadOnlyDictionary<string, string> Env,
    HealthCheck? HealthCheck,
    bool Implicit)
{
    /// <summary>The shell command that runs the service, for kinds without a built-in preset; null uses the preset.</summary>
    public string? Command { get; init; }

    /// <summary>The database its dependents use (the preset creates it), as the script names it; null: the kind's default.</summary>
    public string? Database { get; init; }

    /// <summary>The user its dependents connect as (the preset creates it), as the script names it; null: the kind's default.</summary>
    public string? User { get; init; }
}

/// <summary>A project in another repository, referenced by a flake reference.</summary>
public sealed record ExternalModel(string Name, string FlakeRef);

/// <summary>A composed dev shell over several projects, with their env vars namespaced.</summary>
public sealed record ShellModel(string Name, IReadOnlyList<string> Projects, IReadOnlyDictionary<string, string> Env);

/// <summary>A team, what it owns, and the port range its projects and services use (if set).</summary>
public sealed record TeamModel(string Name, IReadOnlyList<string> Owns, int? PortsFrom, int? PortsTo);
