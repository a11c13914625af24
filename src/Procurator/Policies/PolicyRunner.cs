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
    /// <summary>
    /// Runs the policies, together within <paramref name="timeout"/> (the script's <c>--timeout</c>):
    /// a policy is script code and may loop for ever. One past the limit is reported (PRO020) and
    /// abandoned on its background thread, and the policies after it are not run.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Run(
        WorkspaceModel model, IEnumerable<PolicyUse> policies, IReadOnlyDictionary<string, ScriptSite> targetSites, SourceLocator locator, TimeSpan timeout)
    {
        var diagnostics = new List<Diagnostic>();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        foreach (var use in policies)
        {
            var report = new PolicyReport();
            var check = Task.Factory.StartNew(
                () => use.Policy.Check(ScopeFor(model, use.Team), report), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                if (!check.Wait(Remaining(timeout, deadline.Elapsed)))
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.ScriptTimeout,
                        $"policy '{use.Policy.Name}' did not finish within {timeout.TotalSeconds:0.###} s and was stopped (does it loop forever?); raise the limit with --timeout SECONDS",
                        locator.Locate(use.Site)));
                    break;
                }
            }
            catch (AggregateException aggregate)
            {
                var exception = aggregate.InnerException ?? aggregate;
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

    private static TimeSpan Remaining(TimeSpan timeout, TimeSpan elapsed) =>
        timeout == Timeout.InfiniteTimeSpan ? timeout : timeout > elapsed ? timeout - elapsed : TimeSpan.Zero;

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
