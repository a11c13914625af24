using Procurator.Model;

namespace Procurator;

/// <summary>A composed dev shell: the named projects' shells together, env vars namespaced.</summary>
/// <example><code>Shell("backend", "api", "worker");</code></example>
public sealed class ShellBuilder
{
    internal ShellBuilder(string name, IReadOnlyList<string> projects, ScriptSite site)
    {
        Name = name;
        Projects = projects;
        Site = site;
    }

    /// <summary>The shell's name, as in <c>nix develop .#NAME</c>.</summary>
    public string Name { get; }

    internal IReadOnlyList<string> Projects { get; }
    internal ScriptSite Site { get; }
}
