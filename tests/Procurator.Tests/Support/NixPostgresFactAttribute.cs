namespace Procurator.Tests.Support;

/// <summary>
/// A fact that needs Nix and a real postgres server (the <c>up</c> preset's: <c>postgres</c> on PATH
/// or under <c>/usr/lib/postgresql/*/bin</c>, with <c>pg_isready</c>), and <c>setsid</c> for <c>up -d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class NixPostgresFactAttribute : FactAttribute
{
    public NixPostgresFactAttribute()
    {
        var reason = NixSkip.Reason
            ?? IntegrationEnvironment.SkipReasonForTools(["pg_isready", "setsid"])
            ?? IntegrationEnvironment.SkipReason(HasPostgresServer(), "no postgres server (postgres on PATH or /usr/lib/postgresql/*/bin/postgres; Debian: apt-get install postgresql)");
        if (reason is not null)
            Skip = reason;
    }

    private static bool HasPostgresServer() =>
        NixCli.FindExecutable("postgres") is not null
        || (Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(v => File.Exists(Path.Combine(v, "bin", "postgres"))));
}
