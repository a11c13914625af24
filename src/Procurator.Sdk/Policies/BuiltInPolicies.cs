using System.Text.RegularExpressions;
using Procurator.Model;

namespace Procurator;

/// <summary>
/// Built-in policies. Those without settings are switched on by name with
/// <c>Use("services-have-health-checks")</c>; the others with <c>Policy(BuiltInPolicies.X(...))</c>.
/// </summary>
/// <example><code>Use("pinned-versions");
/// Policy(BuiltInPolicies.ForbidDependency("frontend", "postgres"));
/// Policy(BuiltInPolicies.MaxDependencyDepth(3));</code></example>
public static class BuiltInPolicies
{
    /// <summary>The built-ins that <c>Use(name)</c> knows.</summary>
    public static IReadOnlyDictionary<string, Func<IPolicy>> ByName { get; } = new SortedDictionary<string, Func<IPolicy>>(StringComparer.Ordinal)
    {
        ["deploy-readiness-probes"] = DeployReadinessProbes,
        ["pinned-images"] = PinnedImages,
        ["pinned-versions"] = PinnedVersions,
        ["ports-in-team-range"] = PortsInTeamRange,
        ["services-have-health-checks"] = ServicesHaveHealthChecks,
    };

    /// <summary>Every service declares a health check.</summary>
    /// <example><code>Use("services-have-health-checks");</code></example>
    public static IPolicy ServicesHaveHealthChecks() => new LambdaPolicy("services-have-health-checks", (workspace, report) =>
    {
        foreach (var service in workspace.Services.Where(s => s.HealthCheck is null))
        {
            report.Error(service, $"service '{service.Name}' has no health check; add .HealthCheck(Tcp(...)), Http(...) or Exec(...)");
        }
    });

    /// <summary>
    /// Every project an export deploys with a long-running process (or only an image) has a health
    /// check that becomes a readiness probe: Tcp, Http or Exec (a log-line check has no probe).
    /// </summary>
    /// <example><code>Use("deploy-readiness-probes");</code></example>
    public static IPolicy DeployReadinessProbes() => new LambdaPolicy("deploy-readiness-probes", (workspace, report) =>
    {
        foreach (var project in workspace.Projects)
        {
            var runs = project.Processes.Any(p => !p.OneShot) || (project.Processes.Count == 0 && project.Image is not null);
            if (runs && !project.HealthChecks.Any(c => c is not LogLineHealthCheck))
            {
                report.Error(project, $"project '{project.Name}' has no health check an export can make a readiness probe of; add .HealthCheck(Http(...)), Tcp(...) or Exec(...)");
            }
        }
    });

    /// <summary>Every <c>.Image(...)</c> names a tag other than <c>latest</c>, or a digest.</summary>
    /// <example><code>Use("pinned-images");</code></example>
    public static IPolicy PinnedImages() => new LambdaPolicy("pinned-images", (workspace, report) =>
    {
        foreach (var project in workspace.Projects.Where(p => p.Image is not null))
        {
            var image = project.Image!;
            var lastSlash = image.LastIndexOf('/');
            var colon = image.LastIndexOf(':');
            var tag = image.Contains('@', StringComparison.Ordinal) ? "digest" : colon > lastSlash ? image[(colon + 1)..] : null;
            if (tag is null or "latest")
            {
                report.Error(project, $"project '{project.Name}' deploys the unpinned image '{image}'; name a version tag or a digest");
            }
        }
    });

    /// <summary>Every service pins a version, and none is <c>latest</c>.</summary>
    /// <example><code>Use("pinned-versions");</code></example>
    public static IPolicy PinnedVersions() => new LambdaPolicy("pinned-versions", (workspace, report) =>
    {
        foreach (var service in workspace.Services)
        {
            if (service.Version is null)
            {
                report.Error(service, $"service '{service.Name}' has no version; pin one with .Version(\"...\")");
            }
            else if (service.Version.Trim().ToLowerInvariant() is "latest" or "*" or "stable")
            {
                report.Error(service, $"service '{service.Name}' uses the unpinned version '{service.Version}'; pin a real version");
            }
        }
    });

    /// <summary>Ports of what a team owns lie within the team's <c>.Ports(from, to)</c> range.</summary>
    /// <example><code>Team("payments").Owns("billing").Ports(7000, 7999);
    /// Use("ports-in-team-range");</code></example>
    public static IPolicy PortsInTeamRange() => new LambdaPolicy("ports-in-team-range", (workspace, report) =>
    {
        foreach (var team in workspace.Teams.Where(t => t.PortsFrom is not null))
        {
            var (from, to) = (team.PortsFrom!.Value, team.PortsTo!.Value);
            foreach (var project in workspace.Projects.Where(p => team.Owns.Contains(p.Name)))
            {
                foreach (var port in project.Ports.Where(p => p < from || p > to))
                {
                    report.Error(project, $"port {port} of project '{project.Name}' is outside the range {from}-{to} of team {team.Name}");
                }
            }

            foreach (var service in workspace.Services.Where(s => team.Owns.Contains(s.Name) && s.Port is { } p && (p < from || p > to)))
            {
                report.Error(service, $"port {service.Port} of service '{service.Name}' is outside the range {from}-{to} of team {team.Name}");
            }
        }
    });

    /// <summary>Project and service names match a regular expression.</summary>
    /// <example><code>Policy(BuiltInPolicies.NamesMatch("^(svc|lib)-"));</code></example>
    public static IPolicy NamesMatch(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new LambdaPolicy("names-match", (workspace, report) =>
        {
            foreach (var name in workspace.Projects.Select(p => p.Name).Concat(workspace.Services.Select(s => s.Name)).Where(n => !regex.IsMatch(n)))
            {
                report.Error(name, $"name '{name}' does not match the pattern {pattern}");
            }
        });
    }

    /// <summary>Every project sets the given env vars.</summary>
    /// <example><code>Policy(BuiltInPolicies.RequiredEnv("LOG_LEVEL")).ForTeam("payments");</code></example>
    public static IPolicy RequiredEnv(params string[] keys) => new LambdaPolicy("required-env", (workspace, report) =>
    {
        foreach (var project in workspace.Projects)
        {
            foreach (var key in keys.Where(k => !project.Env.ContainsKey(k)))
            {
                report.Error(project, $"project '{project.Name}' does not set the required env var {key}");
            }
        }
    });

    /// <summary>A layer rule: <paramref name="from"/> may not depend directly on <paramref name="to"/> (<c>*</c> for anything).</summary>
    /// <example><code>Policy(BuiltInPolicies.ForbidDependency("frontend", "postgres"));</code></example>
    public static IPolicy ForbidDependency(string from, string to) => new LambdaPolicy("forbidden-dependency", (workspace, report) =>
    {
        foreach (var project in workspace.Projects.Where(p => from == "*" || p.Name == from))
        {
            foreach (var dependency in project.DependsOn.Where(d => to == "*" || d == to))
            {
                report.Error(project, $"project '{project.Name}' may not depend on '{dependency}' (rule: {from} -/-> {to})");
            }
        }
    });

    /// <summary>No chain of runtime dependencies between projects is longer than <paramref name="depth"/> steps.</summary>
    /// <example><code>Policy(BuiltInPolicies.MaxDependencyDepth(3));</code></example>
    public static IPolicy MaxDependencyDepth(int depth) => new LambdaPolicy("max-dependency-depth", (workspace, report) =>
    {
        var byName = workspace.Projects.ToDictionary(p => p.Name);
        var memo = new Dictionary<string, IReadOnlyList<string>>();
        IReadOnlyList<string> Longest(string name)
        {
            if (memo.TryGetValue(name, out var known))
            {
                return known;
            }

            memo[name] = [name]; // a cycle (rejected by validation) cannot recurse forever
            var best = byName[name].DependsOn.Where(byName.ContainsKey).Select(Longest).MaxBy(c => c.Count) ?? [];
            return memo[name] = [name, .. best];
        }

        foreach (var project in workspace.Projects)
        {
            var chain = Longest(project.Name);
            if (chain.Count - 1 > depth)
            {
                report.Error(project, $"project '{project.Name}' has a dependency chain of {chain.Count - 1} steps (at most {depth}): {string.Join(" -> ", chain)}");
            }
        }
    });
}
