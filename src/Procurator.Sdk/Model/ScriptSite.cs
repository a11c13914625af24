namespace Procurator.Model;

/// <summary>
/// Where a DSL verb was called from: the script file, its line and the verb's name.
/// The column is found later from the source line, since C# has no caller-column attribute.
/// </summary>
/// <param name="File">The script or <c>#load</c>ed file that made the call.</param>
/// <param name="Line">The 1-based line of the call.</param>
/// <param name="Member">The DSL verb that was called, such as <c>Port</c>.</param>
public sealed record ScriptSite(string File, int Line, string Member)
{
    /// <summary>A call site for declarations that no script line made (implicit services).</summary>
    public static ScriptSite None { get; } = new(string.Empty, 0, string.Empty);
}
