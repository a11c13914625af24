namespace Procurator.Discovery;

/// <summary>
/// Which task names are checks: test, lint, check, fmt, format and typecheck, and their
/// variants (<c>test:unit</c>, <c>lint-js</c>). Build, deploy and release tasks never are: a check
/// runs on every change and must not publish anything.
/// </summary>
internal static class CheckNames
{
    private static readonly string[] Stems = ["test", "lint", "check", "fmt", "format", "typecheck"];

    public static bool IsCheck(string name) =>
        Stems.Any(stem => name == stem || (name.StartsWith(stem, StringComparison.Ordinal) && name.Length > stem.Length && name[stem.Length] is ':' or '-' or '_'));

    /// <summary>A check name the validator accepts: <c>test:unit</c> → <c>test-unit</c>.</summary>
    public static string Normalize(string name) => Naming.Sanitize(name, "check");
}
