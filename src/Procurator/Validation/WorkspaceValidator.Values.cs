using System.Globalization;
using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    /// <summary>Matches <c>^[a-z0-9_]+-[a-z0-9_]+\z</c>.</summary>
    internal static bool IsSystem(string system) =>
        system.Split('-') is [var cpu, var os] && IsWord(cpu, IsSystemChar, IsSystemChar) && IsWord(os, IsSystemChar, IsSystemChar);

    private static bool IsSystemChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';

    /// <summary>Matches <c>^[A-Za-z0-9_][A-Za-z0-9_'+.-]*\z</c>.</summary>
    internal static bool IsPackageSegment(string segment) =>
        IsWord(segment, c => char.IsAsciiLetterOrDigit(c) || c == '_', c => char.IsAsciiLetterOrDigit(c) || c is '_' or '\'' or '+' or '.' or '-');

    /// <summary>Strings that reach Nix or a shell: no NUL (Nix strings cannot hold it), nothing empty that must not be.</summary>
    private void CheckValues()
    {
        foreach (var project in _declarations.Projects)
        {
            foreach (var env in project.EnvVars)
            {
                CheckText($"env var {env.Key} of project '{project.Name}'", env.Value, env.Site);
            }

            CheckText($"description of project '{project.Name}'", project.DescriptionText, project.Site);
            foreach (var process in project.ProcessList)
            {
                CheckRequired($"command of process '{process.Name}' in project '{project.Name}'", process.Command, process.Site);
            }

            foreach (var check in project.CheckList)
            {
                CheckRequired($"command of check '{check.Name}' in project '{project.Name}'", check.Command, check.Site);
            }

            foreach (var package in project.PackageList)
            {
                CheckPackage(project.Name, package);
            }

            foreach (var check in project.HealthCheckList)
            {
                CheckHealthCheck($"project '{project.Name}'", check);
            }

            if (project.RestartSetting is { } restart && RestartModes.Parse(restart.Value) is null)
            {
                Error(ErrorCodes.InvalidValue, $"Restart(\"{Show(restart.Value)}\") of project '{project.Name}': {RestartModes.Expected}", restart.Site);
            }
        }

        foreach (var service in _declarations.Services)
        {
            foreach (var env in service.EnvVars)
            {
                CheckText($"env var {env.Key} of service '{service.Name}'", env.Value, env.Site);
            }

            if (service.VersionSetting is { } version)
            {
                CheckRequired($"version of service '{service.Name}'", version.Value, version.Site);
            }

            if (service.HealthCheckSetting is { } check)
            {
                CheckHealthCheck($"service '{service.Name}'", check);
            }

            if (service.CommandSetting is { } command)
            {
                CheckRequired($"command of service '{service.Name}'", command.Value, command.Site);
            }
        }

        foreach (var external in _declarations.Externals)
        {
            CheckFlakeRef($"flake reference of external '{external.Name}'", external.FlakeRef, external.Site);
        }

        CheckWorkspaceSettings();
    }

    private void CheckWorkspaceSettings()
    {
        var workspace = _declarations.Workspace;
        CheckText("workspace description", workspace.DescriptionText, ScriptSite.None);
        if (workspace.NixpkgsSetting is { } nixpkgs)
        {
            CheckFlakeRef("nixpkgs flake reference", nixpkgs.Value, nixpkgs.Site);
        }

        if (workspace.ProcuratorFlakeSetting is { Value: { } procurator } setting)
        {
            CheckFlakeRef("procurator flake reference", procurator, setting.Site);
        }

        if (workspace.SystemsSetting is { } systems)
        {
            if (systems.Value.Count == 0)
            {
                Error(ErrorCodes.InvalidValue, "Workspace.Systems() names no systems", systems.Site);
            }

            foreach (var system in systems.Value.Where(s => !IsSystem(s)))
            {
                Error(ErrorCodes.InvalidValue, $"'{Show(system)}' is not a Nix system such as x86_64-linux or aarch64-darwin", systems.Site);
            }
        }
    }

    private void CheckText(string what, string? value, ScriptSite site)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            Error(ErrorCodes.InvalidValue, $"{what} contains a NUL character, which Nix strings cannot hold", site);
        }

        if (value is not null && LoneSurrogate(value) is { } at)
        {
            Error(ErrorCodes.InvalidValue,
                $"{what} contains a lone UTF-16 surrogate (\\u{(int)value[at]:x4} at index {at}), which UTF-8 files cannot hold; it would be written as U+FFFD", site);
        }
    }

    /// <summary>The index of the first surrogate without its pair, or null: such a string has no UTF-8 form.</summary>
    internal static int? LoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return i;
            }
        }

        return null;
    }

    private void CheckRequired(string what, string value, ScriptSite site)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(ErrorCodes.InvalidValue, $"{what} is empty", site);
        }

        CheckText(what, value, site);
    }

    private void CheckFlakeRef(string what, string value, ScriptSite site)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(ErrorCodes.InvalidValue, $"{what} is empty", site);
        }
        else if (value.Any(char.IsWhiteSpace) || value.Contains('\0', StringComparison.Ordinal))
        {
            Error(ErrorCodes.InvalidValue, $"{what} '{value}' is not a flake reference (such as github:owner/repo or path:./dir)", site);
        }
    }

    private void CheckPackage(string project, Located<string> package)
    {
        if (package.Value.Split('.').Any(segment => !IsPackageSegment(segment) || segment.Contains('.', StringComparison.Ordinal)))
        {
            Error(ErrorCodes.InvalidPackage,
                $"package '{Show(package.Value)}' of project '{project}' is not a nixpkgs attribute path (such as nodejs_20 or python3Packages.requests)",
                package.Site);
        }
    }

    private static string? InvalidPattern(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return "it is empty";
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private void CheckHealthCheck(string owner, HealthCheck check)
    {
        CheckSeconds($"health check period of {owner}", check.Period, check);
        CheckSeconds($"health check timeout of {owner}", check.Timeout, check);
        CheckThreshold($"health check failures of {owner}", check.Failures, check);
        CheckThreshold($"health check successes of {owner}", check.Successes, check);
        switch (check)
        {
            case HttpHealthCheck http when !IsHttpUrl(http.Url):
                Error(ErrorCodes.InvalidHealthCheck, $"health check URL '{http.Url}' of {owner} is not an absolute http or https URL", check.Site);
                break;
            case ExecHealthCheck exec:
                CheckRequired($"health check command of {owner}", exec.Command, check.Site);
                break;
            case LogLineHealthCheck log when InvalidPattern(log.Pattern) is { } problem:
                Error(ErrorCodes.InvalidHealthCheck, $"log-line pattern of {owner} is not a valid regular expression: {problem}", check.Site);
                break;
        }
    }

    private void CheckSeconds(string what, TimeSpan? span, HealthCheck check)
    {
        if (span is { TotalSeconds: var seconds } && seconds is < HealthCheckLimits.MinSeconds or > HealthCheckLimits.MaxSeconds)
        {
            Error(ErrorCodes.InvalidHealthCheck,
                $"{what} must be between {HealthCheckLimits.MinSeconds.ToString(CultureInfo.InvariantCulture)} and {HealthCheckLimits.MaxSeconds.ToString(CultureInfo.InvariantCulture)} seconds", check.Site);
        }
    }

    private void CheckThreshold(string what, int? count, HealthCheck check)
    {
        if (count is < 1 or > HealthCheckLimits.MaxThreshold)
        {
            Error(ErrorCodes.InvalidHealthCheck, $"{what} must be between 1 and {HealthCheckLimits.MaxThreshold}, not {count}", check.Site);
        }
    }

    /// <summary>An absolute http or https URL, as <see cref="Uri"/> judges it.</summary>
    internal static bool IsHttpUrl(string? url) =>
        IsPlainHttpUrl(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    /// <summary>
    /// The common case, <c>http://localhost:8080/health</c>, checked by hand: a lower-case host
    /// of dot-separated labels, a port from 1 to 65535, a path of unreserved characters. Every
    /// such URL is one <see cref="Uri"/> accepts; anything else goes to Uri itself, whose start-up
    /// costs a warm run more than the rest of validation.
    /// </summary>
    internal static bool IsPlainHttpUrl(string? url)
    {
        var rest = url switch
        {
            null => null,
            _ when url.StartsWith("http://", StringComparison.Ordinal) => url[7..],
            _ when url.StartsWith("https://", StringComparison.Ordinal) => url[8..],
            _ => null,
        };
        if (rest is null)
        {
            return false;
        }

        var pathAt = rest.IndexOf('/');
        var authority = pathAt < 0 ? rest : rest[..pathAt];
        var path = pathAt < 0 ? string.Empty : rest[pathAt..];
        var colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        var port = colon < 0 ? null : authority[(colon + 1)..];
        return host.Split('.').All(IsHostLabel)
            && (port is null || (port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, CultureInfo.InvariantCulture) is > 0 and <= 65535))
            && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~');
    }

    private static bool IsHostLabel(string label) =>
        label.Length is > 0 and <= 63 && IsLowerAlnum(label[0]) && IsLowerAlnum(label[^1]) && label.All(c => IsLowerAlnum(c) || c == '-');

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
