using System.Globalization;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Prefixes a command so that it runs as another user. Used only when the manager runs as
/// root (CI) and the unit asks for a user: postgres refuses to run as root. <c>setpriv</c>
/// execs in place (the PID stays the unit's) with the user's primary group and supplementary
/// groups; <c>runuser</c>, the fallback, stays as a parent in the same session, which the
/// session's signals still reach. The environment (HOME included) is left as it is.
/// </summary>
internal static class UserSwitch
{
    /// <summary>The argument prefix, or empty when no switch is needed.</summary>
    public static IReadOnlyList<string> Prefix(string unitName, string? runAsUser, bool isRoot, string? pathVariable)
    {
        if (string.IsNullOrEmpty(runAsUser) || !isRoot)
            return [];
        var account = UserAccount.Find(runAsUser)
            ?? throw new ProcessStartException($"Cannot start unit '{unitName}' as user '{runAsUser}': no such user.");
        if (ExecutableLocator.Find("setpriv", pathVariable) is { } setpriv)
        {
            return [setpriv,
                "--reuid", account.UserId.ToString(CultureInfo.InvariantCulture),
                "--regid", account.GroupId.ToString(CultureInfo.InvariantCulture),
                "--init-groups", "--"];
        }

        if (ExecutableLocator.Find("runuser", pathVariable) is { } runuser)
            return [runuser, "-u", runAsUser, "--"];
        throw new ProcessStartException(
            $"Cannot start unit '{unitName}' as user '{runAsUser}': neither 'setpriv' nor 'runuser' is on PATH.");
    }
}
