using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Procurator.Scripting;

/// <summary>
/// Refuses brackets nested deeper than <see cref="MaxDepth"/> before Roslyn parses the text: its
/// parser recurses per level and, at 20,000 <c>(</c>, overflowed the stack (a raw trace, exit 134;
/// issue 21, row 11). The lexer does not recurse, so counting tokens is safe at any depth.
/// </summary>
internal static class ScriptNesting
{
    /// <summary>Far above anything written by hand, far below what the parser's stack can take.</summary>
    public const int MaxDepth = 256;

    /// <summary>The reason, as Roslyn words it (CS8078), and where the limit is passed; null when the text is within it.</summary>
    public static (string Message, LinePosition At)? TooDeep(string text)
    {
        var depth = 0;
        foreach (var token in SyntaxFactory.ParseTokens(text, options: new CSharpParseOptions(kind: SourceCodeKind.Script)))
        {
            if (token.IsKind(SyntaxKind.OpenParenToken) || token.IsKind(SyntaxKind.OpenBracketToken) || token.IsKind(SyntaxKind.OpenBraceToken))
            {
                if (++depth > MaxDepth)
                {
                    var at = SourceText.From(text).Lines.GetLinePosition(token.SpanStart);
                    return ($"An expression is too long or complex to compile: brackets nested more than {MaxDepth} levels deep", at);
                }
            }
            else if (token.IsKind(SyntaxKind.CloseParenToken) || token.IsKind(SyntaxKind.CloseBracketToken) || token.IsKind(SyntaxKind.CloseBraceToken))
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return null;
    }
}
