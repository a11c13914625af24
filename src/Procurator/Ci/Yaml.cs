namespace Procurator.Ci;

/// <summary>YAML scalars for generated workflows: single-quoted, so nothing in a value is interpreted.</summary>
internal static class Yaml
{
    /// <summary>A single-quoted YAML string; a quote inside is doubled, line breaks are kept by folding rules.</summary>
    public static string Quote(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Serialize(value) // double-quoted JSON strings are valid YAML and keep line breaks
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
