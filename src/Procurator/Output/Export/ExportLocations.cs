using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Output.Export;

/// <summary>Where an export's diagnostics point: the script line that declared a project or service.</summary>
internal sealed class ExportLocations(OutputContext context)
{
    private readonly SourceLocator _locator = new();

    /// <summary>The declaration of <paramref name="name"/>, else the script's first line.</summary>
    public SourceLocation Of(string name) =>
        (context.Sites.TryGetValue(name, out var site) ? _locator.Locate(site) : null)
        ?? new SourceLocation(context.Layout.ScriptPath, 1, 1);

    /// <summary>The line of a health check, else the declaration of its owner.</summary>
    public SourceLocation Of(HealthCheck check, string owner) => _locator.Locate(check.Site) ?? Of(owner);
}
