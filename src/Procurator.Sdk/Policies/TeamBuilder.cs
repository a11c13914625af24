using Procurator.Model;

namespace Procurator;

/// <summary>A team: what it owns, and optionally the port range its projects and services use.</summary>
/// <example><code>Team("payments").Owns("billing", "invoices").Ports(7000, 7999);</code></example>
public sealed class TeamBuilder
{
    private readonly List<Located<string>> _owns = [];

    internal TeamBuilder(string name, ScriptSite site)
    {
        Name = name;
        Site = site;
    }

    /// <summary>The team's name.</summary>
    public string Name { get; }

    internal ScriptSite Site { get; }

    internal IReadOnlyList<Located<string>> Owned => _owns;

    internal Located<(int From, int To)>? PortRange { get; private set; }

    /// <summary>Adds a project or service the team owns.</summary>
    /// <example><code>Team("payments").Owns("billing");</code></example>
    public TeamBuilder Owns(string projectOrService, CallerBarrier _ = default,
        [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) =>
        AddOwned([projectOrService], new ScriptSite(file, line, nameof(Owns)));

    /// <summary>Adds projects or services the team owns.</summary>
    /// <example><code>Team("payments").Owns("billing", "invoices");</code></example>
    public TeamBuilder Owns(string first, string second, CallerBarrier _ = default,
        [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) =>
        AddOwned([first, second], new ScriptSite(file, line, nameof(Owns)));

    /// <summary>Adds projects or services the team owns.</summary>
    /// <example><code>Team("payments").Owns("billing", "invoices", "ledger");</code></example>
    public TeamBuilder Owns(params string[] projectsOrServices) => AddOwned(projectsOrServices, ScriptSites.FromStack(nameof(Owns)));

    private TeamBuilder AddOwned(string[] projectsOrServices, ScriptSite site)
    {
        ArgumentNullException.ThrowIfNull(projectsOrServices);
        foreach (var name in projectsOrServices)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(projectsOrServices));
            _owns.Add(new(name, site));
        }

        return this;
    }

    /// <summary>Sets the team's port range, checked by the built-in policy <c>ports-in-team-range</c>.</summary>
    /// <example><code>Team("payments").Ports(7000, 7999);</code></example>
    public TeamBuilder Ports(int from, int to, CallerBarrier _ = default,
        [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0)
    {
        PortRange = new((from, to), new ScriptSite(file, line, nameof(Ports)));
        return this;
    }
}
