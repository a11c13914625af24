namespace Procurator.Nix;

/// <summary>The first syntax error found by <see cref="NixParser"/>, at an offset into the text.</summary>
internal sealed class NixParseFailure(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
