using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    /// <summary>A service with all its declarations merged; the port is its own or its kind's default.</summary>
    private sealed record MergedService(string Name, Located<int>? Port);

    private IEnumerable<MergedService> MergedServices()
    {
        foreach (var group in _declarations.Services.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            var port = group.Select(s => s.PortSetting).LastOrDefault(p => p is not null);
            var kind = group.Select(s => s.KindSetting?.Value).LastOrDefault(k => k is not null) ?? group.Key;
            var site = group.First().Site;
            yield return new MergedService(group.Key, port ?? DefaultPort(kind, site));
        }

        foreach (var (name, site) in _names.ImplicitServices)
        {
            yield return new MergedService(name, DefaultPort(name, site));
        }
    }

    private static Located<int>? DefaultPort(string kind, ScriptSite site) =>
        ServiceKinds.DefaultPort(kind) is { } port ? new Located<int>(port, site) : null;

    private void CheckServices()
    {
        foreach (var group in _declarations.Services.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            CheckOneSetting(group.Key, "version", group, s => s.VersionSetting?.Value, isVersion: true);
            CheckOneSetting(group.Key, "kind", group, s => s.KindSetting?.Value, isVersion: false);
            CheckOneSetting(group.Key, "port", group, s => s.PortSetting?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), isVersion: false);
            CheckOneSetting(group.Key, "database", group, s => s.DatabaseSetting?.Value, isVersion: false);
            CheckOneSetting(group.Key, "user", group, s => s.UserSetting?.Value, isVersion: false);
        }

        foreach (var service in _declarations.Services)
        {
            if (service.KindSetting is { } kind && !ServiceKinds.IsKnown(kind.Value)
                && Suggestions.Closest(kind.Value, ServiceKinds.All) is { } known)
            {
                Warning(ErrorCodes.InvalidValue, $"service '{service.Name}' has the unknown kind '{kind.Value}'; did you mean '{known}'?", kind.Site);
            }
        }
    }

    /// <summary>
    /// Declarations of one service must agree. Two versions are an error that names who
    /// asked for each: the projects that depend on that declaration, else where it was made.
    /// </summary>
    private void CheckOneSetting(
        string service, string setting, IEnumerable<ServiceBuilder> declarations, Func<ServiceBuilder, string?> valueOf, bool isVersion)
    {
        // A loop, not LINQ over (declaration, value) tuples (see "Warm runs" in docs/ARCHITECTURE.md).
        ServiceBuilder? first = null;
        string? firstValue = null;
        foreach (var other in declarations)
        {
            if (valueOf(other) is not { } value)
            {
                continue;
            }

            if (first is null)
            {
                first = other;
                firstValue = value;
            }
            else if (value != firstValue)
            {
                var hint = isVersion
                    ? $"; to run both, give one its own name and port, e.g. Service(\"{service}-{value}\").Kind(\"{service}\").Version(\"{value}\").Port(...)"
                    : string.Empty;
                Error(ErrorCodes.ServiceConflict,
                    $"service '{service}' is declared with two {setting}s: {firstValue} by {Requesters(first)} and {value} by {Requesters(other)}{hint}",
                    SettingSite(other, setting));
            }
        }
    }

    private static ScriptSite SettingSite(ServiceBuilder service, string setting) => setting switch
    {
        "version" => service.VersionSetting?.Site ?? service.Site,
        "kind" => service.KindSetting?.Site ?? service.Site,
        "database" => service.DatabaseSetting?.Site ?? service.Site,
        "user" => service.UserSetting?.Site ?? service.Site,
        _ => service.PortSetting?.Site ?? service.Site,
    };

    private string Requesters(ServiceBuilder declaration)
    {
        var projects = _declarations.Projects
            .Where(p => p.Dependencies.Any(d => ReferenceEquals(d.Target, declaration)))
            .Select(p => p.Name)
            .Distinct()
            .ToArray();
        return projects.Length > 0
            ? $"{string.Join(", ", projects)} ({Where(declaration.Site)})"
            : Where(declaration.Site);
    }
}
