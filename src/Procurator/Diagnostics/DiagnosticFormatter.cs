namespace Procurator.Diagnostics;

/// <summary>Prints diagnostics the way compilers do, so editors and CI can link to the line.</summary>
internal static class DiagnosticFormatter
{
    /// <summary>
    /// Formats one diagnostic, on one line whatever it quotes (control characters shown as escapes, see
    /// <see cref="Visible"/>); file paths under <paramref name="baseDirectory"/> print relative to it.
    /// </summary>
    public static string Format(Diagnostic diagnostic, string? baseDirectory = null)
    {
        var severity = diagnostic.SeverityName;
        var prefix = diagnostic.Location is { } at
            ? $"{Visible.Text(DisplayPath(at.File, baseDirectory))}({at.Line},{at.Column})"
            : "procurator";
        return $"{prefix}: {severity} {diagnostic.Code}: {Visible.Text(diagnostic.Message)}";
    }

    public static string DisplayPath(string file, string? baseDirectory)
    {
        if (baseDirectory is null || !Path.IsPathRooted(file))
        {
            return file;
        }

        var relative = Path.GetRelativePath(baseDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
