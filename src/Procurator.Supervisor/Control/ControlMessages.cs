namespace Procurator.Supervisor.Control;

/// <summary>
/// One request, the first line a client writes on a new connection.
/// <c>command</c> is <c>ping</c>, <c>status</c>, <c>start</c>, <c>stop</c>, <c>restart</c>,
/// <c>wait</c>, <c>down</c> or <c>events</c>; <c>units</c> names projects, services or units.
/// </summary>
/// <param name="Command">What to do.</param>
/// <param name="Units">For start, stop and restart: what to act on.</param>
/// <param name="TimeoutSeconds">For wait: answer after this long at the latest, with what is still awaited.</param>
internal sealed record ControlRequest(string Command, IReadOnlyList<string>? Units = null, double? TimeoutSeconds = null);

/// <summary>
/// One response line. A request gets zero or more lines with <see cref="Message"/> or
/// <see cref="Event"/> (notices, streamed events), then one line with <see cref="Done"/> set
/// (except <c>events</c>, which streams until the manager exits or the client leaves).
/// </summary>
internal sealed record ControlResponse
{
    /// <summary>False when the request failed; <see cref="Error"/> says why.</summary>
    public bool Ok { get; init; } = true;

    /// <summary>The last line of the answer.</summary>
    public bool Done { get; init; }

    /// <summary>Why the request failed.</summary>
    public string? Error { get; init; }

    /// <summary>A notice for a person: <c>waiting for api (pid 123)</c>.</summary>
    public string? Message { get; init; }

    /// <summary>The answer to <c>status</c> (also sent with <c>ping</c>).</summary>
    public StatusReport? Status { get; init; }

    /// <summary>One state change, for <c>events</c>.</summary>
    public EventReport? Event { get; init; }

    /// <summary>For <c>wait</c>: the reason chain of each unit that is not ready (after a timeout: each one still awaited).</summary>
    public IReadOnlyList<string>? Failures { get; init; }
}

/// <summary>The answer to <c>status</c>, also what <c>procurator status --json</c> prints.</summary>
/// <param name="Workspace">The workspace directory.</param>
/// <param name="State">The manager's state directory (service data, <c>logs/</c>, <c>manager.log</c>; see <see cref="StatePaths"/>).</param>
/// <param name="Manager">The manager process.</param>
/// <param name="Units">Every unit, dependencies first.</param>
/// <param name="Problems">What blocks units (located plan problems), as <c>up</c> printed them when it started.</param>
internal sealed record StatusReport(string Workspace, string State, ManagerReport Manager, IReadOnlyList<UnitReport> Units, IReadOnlyList<ProblemReport> Problems);

/// <summary>A located diagnostic the manager reported when it started, so that <c>up -d</c> and <c>status --json</c> can show it.</summary>
/// <param name="File">The script or <c>procurator.json</c>, absolute; null when the subject has no line.</param>
/// <param name="Line">1-based line, with <paramref name="File"/>.</param>
/// <param name="Column">1-based column, with <paramref name="File"/>.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">Its code (<c>PRO070</c>).</param>
/// <param name="Message">What is wrong and what to do.</param>
internal sealed record ProblemReport(string? File, int? Line, int? Column, string Severity, string Code, string Message);

/// <summary>The manager process: its PID and when it started.</summary>
internal sealed record ManagerReport(int Pid, DateTimeOffset StartedAt);

/// <summary>One unit in a <see cref="StatusReport"/>.</summary>
/// <param name="Name">Unit name.</param>
/// <param name="State">State in kebab case: <c>pending</c>, <c>ready</c>, <c>gave-up</c>, …</param>
/// <param name="Health"><c>healthy</c>, <c>unhealthy</c>, <c>checking</c> (readiness probe not passed yet) or <c>-</c>.</param>
/// <param name="Pid">Main PID while it has a process.</param>
/// <param name="StartedAt">When the current (or last) process was spawned.</param>
/// <param name="UptimeSeconds">Seconds since <paramref name="StartedAt"/> while it has a process.</param>
/// <param name="Restarts">Spawns after the first.</param>
/// <param name="LastExit">How the last process ended.</param>
/// <param name="Ports">Declared ports.</param>
/// <param name="Reason">Why it is in its state.</param>
internal sealed record UnitReport(
    string Name,
    string State,
    string Health,
    int? Pid,
    DateTimeOffset? StartedAt,
    long? UptimeSeconds,
    int Restarts,
    ExitReport? LastExit,
    IReadOnlyList<int> Ports,
    string Reason);

/// <summary>How a process ended: <c>{"code": 1, "signal": null}</c> or <c>{"code": null, "signal": 9}</c>.</summary>
internal sealed record ExitReport(int? Code, int? Signal)
{
    public override string ToString() => Signal is { } s ? $"signal {s}" : $"{Code}";
}

/// <summary>A state change as <c>procurator events --json</c> prints it.</summary>
internal sealed record EventReport(string Unit, string From, string To, int Generation, int? Pid, string Reason, DateTimeOffset At);
