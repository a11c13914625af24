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

    /// <summary>Adds projects or services the team owns.</summary>
    /// <example><code>Team("payments").Owns("billing", "invoices");</code></example>
    public TeamBuilder Owns(params string[] projectsOrServices)
    {
        ArgumentNullException.ThrowIfNull(projectsOrServices);
        var site = ScriptSites.FromStack(nameof(Owns));
        foreach (var name in projectsOrServices)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(projectsOrServices));
            _owns.Add(new(name, site));
        }

        return this;
    }

    /// <summary>Sets the team's port range, checked by the built-in policy <c>ports-in-team-range</c>.</summary>
    /// <example><code>Team("payments").Ports(7000, 7999);</code></example>
    public TeamBuilder Ports(int from, int to)
    {
        PortRange = new((from, to), ScriptSites.FromStack(nameof(Ports)));
        return this;
    }
}
