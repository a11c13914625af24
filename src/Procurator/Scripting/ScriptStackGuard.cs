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
/// report it. An expression-bodied lambda (whose body may or may not have a value: the syntax
/// cannot tell) has its body wrapped as <c>StackGuard.Run(() =&gt; body)</c>, whose overloads cover
/// both; the compiler retries without that wrapping when it does not compile (a body of
/// <c>null</c> or another target-typed expression). Text is only inserted within lines, so every
/// line number stays as written. Not guarded: expression-bodied properties and operators.
/// </summary>
internal static class ScriptStackGuard
{
    private const string Check = "global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();";
    private const string RunLambda = "global::Procurator.Internal.StackGuard.Run(() => ";

    /// <param name="text">The script or <c>#load</c>ed file.</param>
    /// <param name="lambdas">Also wrap expression-bodied lambdas (see the summary).</param>
    public static string Guard(string text, bool lambdas = true)
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
                case AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } lambda when lambdas && Wrappable(lambda, body):
                    edits.Add((body.Span.End, 0, ")"));
                    edits.Add((body.SpanStart, 0, RunLambda));
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

    /// <summary>
    /// Not async (the inner lambda could not await), no by-reference parameters (a lambda cannot
    /// capture them), not a bare <c>throw</c> (it has no type to return).
    /// </summary>
    private static bool Wrappable(AnonymousFunctionExpressionSyntax lambda, ExpressionSyntax body) =>
        !lambda.Modifiers.Any(SyntaxKind.AsyncKeyword)
        && body is not ThrowExpressionSyntax
        && !ParametersOf(lambda).Any(p => p.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword)));

    private static IEnumerable<ParameterSyntax> ParametersOf(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => [simple.Parameter],
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
        _ => [],
    };

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
