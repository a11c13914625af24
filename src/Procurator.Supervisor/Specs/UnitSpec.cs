using Procurator.Model;
namespace Procurator.Supervisor.Specs;

/// <summary>
/// One thing the manager runs: a backing service (postgres), a project's long-running
/// process, or a one-shot task (a migration). Built from the workspace model; the state
/// machine and the process layer see only this.
/// </summary>
/// <param name="Name">Unique unit name, shown as the log prefix (<c>postgres</c>, <c>api</c>, <c>api:web</c>).</param>
/// <param name="Role">Long-running or one-shot.</param>
/// <param name="Command">What to spawn.</param>
/// <param name="DependsOn">Units that must meet their condition before this one starts.</param>
/// <param name="Readiness">Gates dependents; null means ready as soon as it runs.</param>
/// <param name="Liveness">Restarts a running unit that stops answering; null means none.</param>
/// <param name="Restart">What to do when it exits.</param>
/// <param name="StartupTimeout">Deadline for readiness after a start.</param>
/// <param name="StopGracePeriod">Time between TERM and KILL on stop.</param>
/// <param name="Ports">Ports it listens on (for port-conflict checks and status).</param>
internal sealed record UnitSpec(
    string Name,
    UnitRole Role,
    CommandSpec Command,
    IReadOnlyList<UnitDependency> DependsOn,
    Probe? Readiness,
    Probe? Liveness,
    RestartPolicy Restart,
    TimeSpan StartupTimeout,
    TimeSpan StopGracePeriod,
    IReadOnlyList<int> Ports)
{
    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultStopGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>How long a service without a readiness probe must stay up before it counts as ready.</summary>
    public static readonly TimeSpan DefaultReadyWithoutProbeAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A service without a readiness probe is ready once it has run this long: one that dies at
    /// once never passes for ready. Zero: ready as soon as it is spawned.
    /// </summary>
    public TimeSpan ReadyWithoutProbeAfter { get; init; } = DefaultReadyWithoutProbeAfter;

    /// <summary>The values of its secrets (also in its environment): masked in everything it prints.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// Why it cannot run here (a unit-scoped plan problem: no way to run its kind, a preset's
    /// binaries missing), or null. A blocked unit is never spawned; its dependents are skipped.
    /// </summary>
    public string? Blocked { get; init; }
}

internal enum UnitRole
{
    /// <summary>Runs until stopped; restarted by its policy.</summary>
    Service,
    /// <summary>Runs once to completion (migrations, seeds); exit 0 is success.</summary>
    Task,
}

/// <summary>A process to spawn. <see cref="Arguments"/> are passed as-is (no shell) unless the file is a shell.</summary>
/// <param name="FileName">Executable, looked up on PATH when not absolute.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Absolute working directory.</param>
/// <param name="Environment">Variables added to (and overriding) the manager's environment.</param>
/// <param name="RunAsUser">When set and the manager runs as root, the process runs as this user (postgres refuses root).</param>
internal sealed record CommandSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string? RunAsUser = null)
{
    /// <summary>A command line run by <c>/bin/sh -c</c>, the way <c>Process(name, command)</c> is declared.</summary>
    public static CommandSpec Shell(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        new("/bin/sh", ["-c", commandLine], workingDirectory, environment);

    /// <summary>Stands in for the command of a blocked unit (<see cref="UnitSpec.Blocked"/>), which is never spawned.</summary>
    public static CommandSpec None(string workingDirectory) =>
        new("/bin/false", [], workingDirectory, new Dictionary<string, string>());
}

/// <summary>What a dependent waits for.</summary>
internal enum DependencyCondition
{
    /// <summary>The dependency's process has been spawned.</summary>
    Started,
    /// <summary>Its readiness probe passed (or it runs, when it has none). The default.</summary>
    Ready,
    /// <summary>It exited with code 0 (tasks such as migrations).</summary>
    CompletedSuccessfully,
}

internal sealed record UnitDependency(string Name, DependencyCondition Condition = DependencyCondition.Ready);

/// <summary>
/// Restart rules: exponential backoff with jitter between <see cref="InitialBackoff"/> and
/// <see cref="MaxBackoff"/>, reset after <see cref="StableAfter"/> of running; more than
/// <see cref="MaxFailures"/> failures inside <see cref="FailureWindow"/> gives up.
/// </summary>
internal sealed record RestartPolicy(
    RestartMode Mode,
    TimeSpan InitialBackoff,
    TimeSpan MaxBackoff,
    TimeSpan StableAfter,
    int MaxFailures,
    TimeSpan FailureWindow)
{
    /// <summary>
    /// Failing exits in a row, from the first start, before the unit was ever ready, after which it
    /// gives up at once (default 3): a program that cannot start (bad config, missing module) will
    /// not start on the tenth try either, and waiting minutes for the restart budget hides why.
    /// </summary>
    public int EarlyExitLimit { get; init; } = 3;

    public static RestartPolicy For(RestartMode mode) => new(
        mode, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), 10, TimeSpan.FromMinutes(5));

    /// <summary>Services default to on-failure; tasks never restart.</summary>
    public static RestartPolicy DefaultFor(UnitRole role) => For(role == UnitRole.Task ? RestartMode.No : RestartMode.OnFailure);
}
