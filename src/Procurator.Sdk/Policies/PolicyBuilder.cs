using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

/// <summary>A policy switched on in the workspace; <c>.ForTeam(name)</c> limits it to what the team owns.</summary>
/// <example><code>Policy("pg-only-for-data", (w, r) => { /* … */ }).ForTeam("payments");</code></example>
public sealed class PolicyBuilder
{
    internal PolicyBuilder(IPolicy? policy, string name, ScriptSite site)
    {
        Policy = policy;
        Name = name;
        Site = site;
    }

    /// <summary>The policy's name.</summary>
    public string Name { get; }

    /// <summary>The policy, or null for a built-in name that does not exist (reported by validation).</summary>
    internal IPolicy? Policy { get; }

    internal ScriptSite Site { get; }

    internal Located<string>? Team { get; private set; }

    /// <summary>Applies the policy only to the projects and services the team owns.</summary>
    /// <example><code>Use("services-have-health-checks").ForTeam("platform");</code></example>
    public PolicyBuilder ForTeam(string team, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(team);
        Team = new(team, new ScriptSite(file, line, nameof(ForTeam)));
        return this;
    }
}
