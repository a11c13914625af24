using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Policies;

/// <summary>A policy switched on by the script: the rule, the team it is limited to, and where it was switched on.</summary>
internal sealed record PolicyUse(IPolicy Policy, string? Team, ScriptSite Site);

/// <summary>
/// Runs every policy over the model and turns findings into diagnostics at the line that
/// declared the target (a project or service), or at the policy's own line for the
/// workspace. The diagnostic code is the policy's name (the SARIF rule id).
/// </summary>
internal static class PolicyRunner
{
    public static IReadOnlyList<Diagnostic> Run(
        WorkspaceModel model, IEnumerable<PolicyUse> policies, IReadOnlyDictionary<string, ScriptSite> targetSites, SourceLocator locator)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var use in policies)
        {
            var report = new PolicyReport();
            try
            {
                use.Policy.Check(ScopeFor(model, use.Team), report);
            }
            catch (Exception exception)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.PolicyFailed,
                    $"policy '{use.Policy.Name}' threw {exception.GetType().Name}: {exception.Message}", locator.Locate(use.Site)) with
                { Detail = exception.ToString() });
                continue;
            }

            foreach (var finding in report.Findings)
            {
                var site = finding.Target is { } target && targetSites.TryGetValue(target, out var declared) ? declared : use.Site;
                var severity = finding.Level switch
                {
                    FindingLevel.Error => Severity.Error,
                    FindingLevel.Warning => Severity.Warning,
                    _ => Severity.Info,
                };
                diagnostics.Add(new Diagnostic(severity, use.Policy.Name, finding.Message, locator.Locate(site)));
            }
        }

        return diagnostics;
    }

    /// <summary>What a team's policy sees: the team's own projects and services; everything else as it is.</summary>
    private static WorkspaceModel ScopeFor(WorkspaceModel model, string? teamName)
    {
        if (teamName is null || model.Teams.FirstOrDefault(t => t.Name == teamName) is not { } team)
        {
            return model;
        }

        var owned = team.Owns.ToHashSet(StringComparer.Ordinal);
        return model with
        {
            Projects = model.Projects.Where(p => owned.Contains(p.Name)).ToArray(),
            Services = model.Services.Where(s => owned.Contains(s.Name)).ToArray(),
        };
    }
}
