using Procurator.Diagnostics;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// Located diagnostics across the control channel: the manager keeps the problems that block units
/// as <see cref="ProblemReport"/>s, and <c>up -d</c> prints them again as diagnostics.
/// </summary>
internal static class ProblemReports
{
    public static ProblemReport From(Diagnostic diagnostic) =>
        new(diagnostic.Location?.File, diagnostic.Location?.Line, diagnostic.Location?.Column, diagnostic.SeverityName, diagnostic.Code, diagnostic.Message);

    public static Diagnostic ToDiagnostic(ProblemReport report)
    {
        var location = report is { File: { } file, Line: { } line, Column: { } column } ? new SourceLocation(file, line, column) : null;
        return new Diagnostic(report.Severity == "warning" ? Severity.Warning : Severity.Error, report.Code, report.Message, location);
    }
}
