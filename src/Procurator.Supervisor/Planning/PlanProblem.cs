namespace Procurator.Supervisor.Planning;

/// <summary>
/// Something that stops <c>procurator up</c> before anything starts. <paramref name="Subject"/> is
/// the project or service it is about, so the caller can place it at the script line (or the
/// <c>procurator.json</c> entry) that declared it.
/// </summary>
/// <param name="Code">Its diagnostic code (<c>ErrorCodes</c>).</param>
/// <param name="Subject">The project or service name.</param>
/// <param name="Message">What is wrong and what to do.</param>
internal sealed record PlanProblem(string Code, string Subject, string Message);
