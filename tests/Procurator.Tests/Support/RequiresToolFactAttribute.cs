namespace Procurator.Tests.Support;

/// <summary>
/// Whether integration tests must run. With <c>PROCURATOR_REQUIRE_INTEGRATION=1</c> (CI) a
/// missing tool is an error: the test is not skipped and fails when it asks for the tool
/// (e.g. <see cref="NixCli.Require"/>). Without it, the test is skipped with a reason.
/// </summary>
internal static class IntegrationEnvironment
{
    /// <summary>Name of the environment variable that turns skips into failures.</summary>
    public const string RequireVariable = "PROCURATOR_REQUIRE_INTEGRATION";

    /// <summary>True when <c>PROCURATOR_REQUIRE_INTEGRATION=1</c>.</summary>
    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable(RequireVariable)?.Trim(), "1", StringComparison.Ordinal);

    /// <summary>
    /// The skip reason for a missing tool, or null when the test should run (tool present,
    /// or integration required so that the test fails loudly instead).
    /// </summary>
    public static string? SkipReason(bool available, string what)
    {
        if (available || IsRequired)
            return null;
        return $"{what}; set {RequireVariable}=1 to make this an error";
    }

    /// <summary>Skip reason for the executables in <paramref name="tools"/> (null: run).</summary>
    public static string? SkipReasonForTools(IReadOnlyCollection<string> tools)
    {
        var missing = tools.Where(t => NixCli.FindExecutable(t) is null).ToList();
        return SkipReason(missing.Count == 0, $"{string.Join(", ", missing)} not found on PATH");
    }
}

/// <summary>A fact that needs <c>nix</c> and <c>nix-instantiate</c> (Debian <c>nix-bin</c>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class NixFactAttribute : FactAttribute
{
    public NixFactAttribute()
    {
        var reason = NixSkip.Reason;
        if (reason is not null)
            Skip = reason;
    }
}

/// <summary>A theory that needs <c>nix</c> and <c>nix-instantiate</c> (Debian <c>nix-bin</c>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class NixTheoryAttribute : TheoryAttribute
{
    public NixTheoryAttribute()
    {
        var reason = NixSkip.Reason;
        if (reason is not null)
            Skip = reason;
    }
}

/// <summary>A fact that needs the named executables on PATH, e.g. <c>[RequiresToolFact("dot")]</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] tools)
    {
        Tools = tools;
        var reason = IntegrationEnvironment.SkipReasonForTools(tools);
        if (reason is not null)
            Skip = reason;
    }

    /// <summary>The executables the test needs.</summary>
    public IReadOnlyList<string> Tools { get; }
}

/// <summary>A theory that needs the named executables on PATH.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(params string[] tools)
    {
        Tools = tools;
        var reason = IntegrationEnvironment.SkipReasonForTools(tools);
        if (reason is not null)
            Skip = reason;
    }

    /// <summary>The executables the test needs.</summary>
    public IReadOnlyList<string> Tools { get; }
}

internal static class NixSkip
{
    public static string? Reason => IntegrationEnvironment.SkipReason(
        NixCli.Find() is not null,
        "nix not found on PATH (install nix-bin)");
}
