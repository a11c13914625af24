namespace Procurator.Nix;

/// <summary>POSIX shell quoting: single quotes keep every byte except a quote, written as <c>'\''</c>.</summary>
internal static class ShellQuote
{
    public static string Single(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>The line of a shell hook that exports one variable.</summary>
    public static string Export(string key, string value) => $"export {key}={Single(value)}";
}
