using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Procurator.Scripting;

/// <summary>
/// Makes unbounded recursion in a script a catchable error. .NET cannot catch a stack overflow: it
/// printed a raw trace and ended the process with 134 (issue 21, row 11). So every method, local
/// function, lambda and anonymous method the user wrote with a block body (and every method or
/// local function with an expression body) first calls
/// <see cref="System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack"/>,
/// which throws <see cref="InsufficientExecutionStackException"/> while there is still stack to
/// report it. Text is only inserted within lines, so every line number stays as written. Not
/// guarded: expression-bodied lambdas, properties and operators (their result type is not known
/// from the syntax alone).
/// </summary>
internal static class ScriptStackGuard
{
    private const string Check = "global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();";

    public static string Guard(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        var edits = new List<(int Position, int Length, string Text)>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax { Body: { } body }:
                    edits.Add((body.OpenBraceToken.Span.End, 0, " " + Check));
                    break;
                case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                    AddExpressionBody(edits, arrow, method.SemicolonToken, method.ReturnType, method.Modifiers);
                    break;
                case LocalFunctionStatementSyntax { Body: { } body }:
                    edits.Add((body.OpenBraceToken.Span.End, 0, " " + Check));
                    break;
                case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } local:
                    AddExpressionBody(edits, arrow, local.SemicolonToken, local.ReturnType, local.Modifiers);
                    break;
                case AnonymousFunctionExpressionSyntax { Block: { } block }:
                    edits.Add((block.OpenBraceToken.Span.End, 0, " " + Check));
                    break;
            }
        }

        if (edits.Count == 0)
        {
            return text;
        }

        // From the end, so earlier positions stay valid.
        var result = new StringBuilder(text, text.Length + (edits.Count * (Check.Length + 16)));
        foreach (var (position, length, insert) in edits.OrderByDescending(e => e.Position))
        {
            result.Remove(position, length).Insert(position, insert);
        }

        return result.ToString();
    }

    /// <summary><c>=&gt; e;</c> becomes <c>{ check; return e; }</c> (no <c>return</c> when the method returns nothing).</summary>
    private static void AddExpressionBody(List<(int, int, string)> edits, ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (semicolon.IsMissing)
        {
            return; // a syntax error the compiler reports as written
        }

        // `=> throw …` becomes the statement `throw …;`: nothing to return either.
        var isVoid = arrow.Expression is ThrowExpressionSyntax || returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            || (modifiers.Any(SyntaxKind.AsyncKeyword) && returnType is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" }
                or QualifiedNameSyntax { Right.Identifier.ValueText: "Task" or "ValueTask" });
        edits.Add((semicolon.Span.End, 0, " }"));
        edits.Add((arrow.ArrowToken.SpanStart, arrow.ArrowToken.Span.Length, "{ " + Check + (isVoid ? "" : " return") + (arrow.ArrowToken.HasTrailingTrivia ? "" : " ")));
    }
}
