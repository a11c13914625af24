namespace Procurator.Nix;

/// <summary>The first syntax error of a Nix text, at its 1-based line and column.</summary>
internal sealed record NixSyntaxError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
