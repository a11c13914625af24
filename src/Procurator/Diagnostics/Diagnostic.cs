namespace Procurator.Diagnostics;

internal enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>A position in a script file; line and column are 1-based.</summary>
internal sealed record SourceLocation(string File, int Line, int Column);

/// <summary>A user mistake, reported as data: <c>file(line,col): error PRO001: message</c>.</summary>
internal sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location)
{
    /// <summary>More for <c>--verbose</c>, such as the full stack trace of a script exception.</summary>
    public string? Detail { get; init; }

    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(string code, string message, SourceLocation? location) =>
        new(Severity.Error, code, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation? location) =>
        new(Severity.Warning, code, message, location);

    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
