using Procurator.Diagnostics;

namespace Procurator.Scripting;

/// <summary>What evaluating a script gave: its declarations, or the errors that stopped it.</summary>
internal sealed record EvaluationResult(
    WorkspaceDeclarations? Declarations,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> SourceFiles)
{
    public bool Succeeded => Declarations is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>How the compiled script was obtained: "hit", "miss" or "off".</summary>
    public string Cache { get; init; } = "off";

    /// <summary>Every file the compiled script was made from (sources and references), with hashes: what a cached model depends on.</summary>
    public IReadOnlyList<SourceDependency> Inputs { get; init; } = [];
}
