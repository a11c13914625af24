namespace Procurator.Supervisor.Planning;

/// <summary>
/// Something wrong that the planner found. <paramref name="Subject"/> is the project or service it
/// is about, so the caller can place it at the script line (or the <c>procurator.json</c> entry)
/// that declared it; <paramref name="Scope"/> says what it stops.
/// </summary>
/// <param name="Code">Its diagnostic code (<c>ErrorCodes</c>).</param>
/// <param name="Subject">The project or service name.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Scope">The whole start (the default), or only the subject's units and their dependents.</param>
internal sealed record PlanProblem(string Code, string Subject, string Message, ProblemScope Scope = ProblemScope.Plan);

/// <summary>What a <see cref="PlanProblem"/> stops.</summary>
internal enum ProblemScope
{
    /// <summary>Nothing starts: the plan itself is wrong (a dependency that can never complete).</summary>
    Plan,

    /// <summary>
    /// Only the subject's units are blocked (they never start) and their dependents skipped; everything
    /// else starts. For what one unit lacks here (a preset's binaries, a way to run a kind).
    /// </summary>
    Unit,
}
