using Procurator.Model;

namespace Procurator;

/// <summary>
/// A rule about the workspace, checked by <c>procurator check</c>. Implement it in a class
/// to share it (in a <c>#load</c>ed file or a compiled assembly referenced with <c>#r</c>),
/// and switch it on with <c>Policy(new MyPolicy())</c>.
/// </summary>
/// <example><code>public sealed class NoLatest : IPolicy
/// {
///     public string Name => "no-latest";
///     public void Check(WorkspaceModel workspace, PolicyReport report)
///     {
///         foreach (var s in workspace.Services.Where(s => s.Version == "latest"))
///             report.Error(s, "pin a version");
///     }
/// }</code></example>
public interface IPolicy
{
    /// <summary>The rule's name, shown with every finding (and the SARIF rule id).</summary>
    string Name { get; }

    /// <summary>Looks at the workspace and reports what breaks the rule.</summary>
    void Check(WorkspaceModel workspace, PolicyReport report);
}
