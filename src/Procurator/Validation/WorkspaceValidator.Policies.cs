using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    private void CheckTeamsAndPolicies()
    {
        var teams = new Dictionary<string, ScriptSite>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var team in _declarations.Teams)
        {
            CheckName("team", team.Name, team.Site);
            if (!teams.TryAdd(team.Name, team.Site))
            {
                Error(ErrorCodes.DuplicateName, $"duplicate team '{team.Name}': already declared at {Where(teams[team.Name])}", team.Site);
            }

            foreach (var owned in team.Owned)
            {
                var kind = _names.KindOf(owned.Value);
                if (kind is not (TargetKind.Project or TargetKind.Service))
                {
                    Error(ErrorCodes.UnknownTeamOrOwned,
                        $"team '{team.Name}' owns '{Show(owned.Value)}', which is not a declared project or service{Suggestions.DidYouMean(owned.Value, _names.Names)}",
                        owned.Site);
                }
                else if (owner.TryGetValue(owned.Value, out var other) && other != team.Name)
                {
                    Error(ErrorCodes.UnknownTeamOrOwned, $"'{owned.Value}' is owned by two teams: {other} and {team.Name}", owned.Site);
                }
                else
                {
                    owner[owned.Value] = team.Name;
                }
            }

            if (team.PortRange is { Value: var (from, to) } range && (from < 1 || to > MaxPort || from > to))
            {
                Error(ErrorCodes.PortOutOfRange, $"port range {from}-{to} of team '{team.Name}' is not a range within 1-{MaxPort}", range.Site);
            }
        }

        var policies = new Dictionary<string, ScriptSite>(StringComparer.Ordinal);
        foreach (var policy in _declarations.Policies)
        {
            if (policy.Policy is null)
            {
                Error(ErrorCodes.UnknownPolicy,
                    $"there is no built-in policy '{Show(policy.Name)}'{Suggestions.DidYouMean(policy.Name, BuiltInPolicies.ByName.Keys)} (built-in: {string.Join(", ", BuiltInPolicies.ByName.Keys)})",
                    policy.Site);
                continue;
            }

            CheckName("policy", policy.Name, policy.Site);
            var key = $"{policy.Name}@{policy.Team?.Value}";
            if (!policies.TryAdd(key, policy.Site))
            {
                Error(ErrorCodes.DuplicateName, $"duplicate policy '{policy.Name}'{(policy.Team is null ? "" : $" for team {policy.Team.Value}")}: already switched on at {Where(policies[key])}", policy.Site);
            }

            if (policy.Team is { } team && !teams.ContainsKey(team.Value))
            {
                Error(ErrorCodes.UnknownTeamOrOwned,
                    $"policy '{policy.Name}' is for team '{Show(team.Value)}', which is not declared{Suggestions.DidYouMean(team.Value, teams.Keys)}",
                    team.Site);
            }
        }
    }
}
