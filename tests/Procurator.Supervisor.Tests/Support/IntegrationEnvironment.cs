namespace Procurator.Supervisor.Tests.Support;

/// <summary>
/// Whether integration tests must run (copied from Procurator.Tests). With
/// <c>PROCURATOR_REQUIRE_INTEGRATION=1</c> (CI) a missing tool or platform is an error: the
/// test is not skipped and fails. Without it, the test is skipped with a reason.
/// </summary>
internal static class IntegrationEnvironment
{
    public const string RequireVariable = "PROCURATOR_REQUIRE_INTEGRATION";

    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable(RequireVariable)?.Trim(), "1", StringComparison.Ordinal);

    /// <summary>The skip reason, or null when the test should run (or must, and will fail loudly).</summary>
    public static string? SkipReason(bool available, string what) =>
        available || IsRequired ? null : $"{what}; set {RequireVariable}=1 to make this an error";

    /// <summary>Skip reason for a test with real processes: Linux and the named tools on PATH.</summary>
    public static string? SkipReasonForPosixTools(IReadOnlyCollection<string> tools)
    {
        if (!OperatingSystem.IsLinux())
            return SkipReason(false, "process integration tests run on Linux only");
        var missing = tools.Where(t => FindExecutable(t) is null).ToList();
        return SkipReason(missing.Count == 0, $"{string.Join(", ", missing)} not found on PATH");
    }

    public static string? FindExecutable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact with real processes: needs Linux and the named executables (<c>sh</c> and <c>setsid</c> always).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ProcessFactAttribute : FactAttribute
{
    public ProcessFactAttribute(params string[] tools)
    {
        Tools = ["sh", "setsid", .. tools];
        var reason = IntegrationEnvironment.SkipReasonForPosixTools(Tools);
        if (reason is not null)
            Skip = reason;
    }

    public IReadOnlyList<string> Tools { get; }
}
