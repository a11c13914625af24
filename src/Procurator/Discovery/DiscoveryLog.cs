using Procurator.Diagnostics;

namespace Procurator.Discovery;

/// <summary>Collects what a scan finds (facts) and what went wrong (diagnostics), in order.</summary>
internal sealed class DiscoveryLog(string root)
{
    private readonly List<DiscoveryFinding> _findings = [];
    private readonly List<Diagnostic> _diagnostics = [];

    public string Root { get; } = root;

    public IReadOnlyList<DiscoveryFinding> Findings => _findings;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Fact(string subject, string text, SourceRef? source) => _findings.Add(new DiscoveryFinding(subject, text, source));

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>An error at <paramref name="relativeFile"/>(line,col); the file prints relative to the scanned folder.</summary>
    public void Error(string code, string message, string relativeFile, int line, int column) =>
        _diagnostics.Add(Diagnostic.Error(code, message, Location(relativeFile, line, column)));

    public void Warning(string code, string message, string relativeFile, int line, int column) =>
        _diagnostics.Add(Diagnostic.Warning(code, message, Location(relativeFile, line, column)));

    private SourceLocation Location(string relativeFile, int line, int column) =>
        new(Path.Combine(Root, relativeFile), Math.Max(line, 1), Math.Max(column, 1));
}
