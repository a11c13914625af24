namespace Procurator.Nix;

/// <summary>
/// Checks that a text parses as a Nix expression, as <c>nix-instantiate --parse</c> would,
/// without Nix: every generated <c>.nix</c> file is checked before it is written, so a cut or
/// broken file is never written. Syntax only: undefined variables are not looked for.
/// Linear in the text (a 25 MB flake takes a fraction of a second).
/// </summary>
internal static class NixSyntax
{
    /// <summary>The first syntax error of <paramref name="text"/>, or null when it parses.</summary>
    public static NixSyntaxError? Check(string text)
    {
        try
        {
            new NixParser(text).ParseFile();
            return null;
        }
        catch (NixParseFailure failure)
        {
            var (line, column) = Position(text, failure.Offset);
            return new NixSyntaxError(line, column, failure.Message);
        }
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/> (columns count UTF-16 characters).</summary>
    internal static (int Line, int Column) Position(string text, int offset)
    {
        var before = text.AsSpan(0, Math.Min(offset, text.Length));
        var line = before.Count('\n') + 1;
        var column = offset - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
