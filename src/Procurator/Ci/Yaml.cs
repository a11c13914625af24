namespace Procurator.Ci;

/// <summary>YAML scalars for generated workflows: quoted, so nothing in a value is interpreted.</summary>
internal static class Yaml
{
    /// <summary>
    /// What <c>${{</c> becomes in user text: an expression whose value is the literal <c>${{</c>. GitHub
    /// evaluates <c>${{ … }}</c> in any string, quoted or not, and has no other escape for it.
    /// </summary>
    public const string LiteralExpressionOpener = "${{ '${{' }}";

    /// <summary>A single-quoted YAML string; a quote inside is doubled, line breaks are kept by folding rules.</summary>
    public static string Quote(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Serialize(value) // double-quoted JSON strings are valid YAML and keep line breaks
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>User text (a path, a command, a version, an env value): quoted, and no GitHub expression left in it.</summary>
    public static string Text(string value) => Quote(Inert(value));

    /// <summary>User text with every <c>${{</c> turned into an expression that only yields <c>${{</c>.</summary>
    public static string Inert(string value) => value.Replace("${{", LiteralExpressionOpener, StringComparison.Ordinal);
}
