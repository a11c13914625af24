using System.Text;

namespace Procurator.Model;

/// <summary>
/// Composed and default shells see a project's vars as <c>&lt;PROJECT&gt;_&lt;VAR&gt;</c>, and the
/// service manager gives a unit <c>&lt;DEP&gt;_HOST</c> and <c>&lt;DEP&gt;_PORT</c>: the name upper-cased
/// with every non-alphanumeric turned into <c>_</c>. Here, for the engine and the supervisor.
/// </summary>
internal static class EnvNamespacing
{
    public static string Prefix(string projectName)
    {
        var prefix = new StringBuilder(projectName.Length);
        foreach (var c in projectName)
        {
            prefix.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return prefix.ToString();
    }

    public static string Namespaced(string projectName, string key) => $"{Prefix(projectName)}_{key}";
}
