using Procurator.Model;

namespace Procurator;

/// <summary>How bad a policy finding is: errors fail <c>procurator check</c>.</summary>
public enum FindingLevel
{
    /// <summary>Fails the check.</summary>
    Error,

    /// <summary>Reported; does not fail the check.</summary>
    Warning,

    /// <summary>For information.</summary>
    Info,
}

/// <summary>A policy finding: its level, the project or service it is about (or none), and what is wrong.</summary>
public sealed record PolicyFinding(FindingLevel Level, string? Target, string Message);

/// <summary>
/// Where a policy reports what it finds. Each finding names its target (a project or
/// service), and is reported at the line that declared that target.
/// </summary>
/// <example><code>Policy("api-has-port", (workspace, report) =>
/// {
///     foreach (var p in workspace.Projects.Where(p => p.Ports.Count == 0))
///         report.Warning(p, "declares no port");
/// });</code></example>
public sealed class PolicyReport
{
    private readonly List<PolicyFinding> _findings = [];

    /// <summary>Everything reported so far.</summary>
    public IReadOnlyList<PolicyFinding> Findings => _findings;

    /// <summary>Reports an error about the workspace as a whole (at the policy's line).</summary>
    public void Error(string message) => Add(FindingLevel.Error, null, message);

    /// <summary>Reports a warning about the workspace as a whole (at the policy's line).</summary>
    public void Warning(string message) => Add(FindingLevel.Warning, null, message);

    /// <summary>Reports information about the workspace as a whole (at the policy's line).</summary>
    public void Info(string message) => Add(FindingLevel.Info, null, message);

    /// <summary>Reports an error about the named project or service (null: the workspace).</summary>
    public void Error(string? target, string message) => Add(FindingLevel.Error, target, message);

    /// <summary>Reports a warning about the named project or service (null: the workspace).</summary>
    public void Warning(string? target, string message) => Add(FindingLevel.Warning, target, message);

    /// <summary>Reports information about the named project or service (null: the workspace).</summary>
    public void Info(string? target, string message) => Add(FindingLevel.Info, target, message);

    /// <summary>Reports an error about a project.</summary>
    public void Error(ProjectModel target, string message) => Error(target?.Name, message);

    /// <summary>Reports a warning about a project.</summary>
    public void Warning(ProjectModel target, string message) => Warning(target?.Name, message);

    /// <summary>Reports information about a project.</summary>
    public void Info(ProjectModel target, string message) => Info(target?.Name, message);

    /// <summary>Reports an error about a service.</summary>
    public void Error(ServiceModel target, string message) => Error(target?.Name, message);

    /// <summary>Reports a warning about a service.</summary>
    public void Warning(ServiceModel target, string message) => Warning(target?.Name, message);

    /// <summary>Reports information about a service.</summary>
    public void Info(ServiceModel target, string message) => Info(target?.Name, message);

    private void Add(FindingLevel level, string? target, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _findings.Add(new PolicyFinding(level, target, message));
    }
}
