using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Procurator.Diagnostics;
using Diagnostic = Procurator.Diagnostics.Diagnostic;

namespace Procurator.Scripting;

/// <summary>
/// A script runs inside the <c>procurator</c> process: <c>Environment.Exit(42)</c> ended it with
/// exit 42 and no message, and <c>Environment.FailFast</c> aborts it (issue 21, row 11). Both are
/// refused at compile time, at the call (PRO052). Only calls whose name matches are bound, so a
/// script without them costs one walk of its syntax.
/// </summary>
internal static class ScriptExitCheck
{
    public static IReadOnlyList<Diagnostic> Find(Compilation compilation)
    {
        var found = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = call.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                if (name is not ("Exit" or "FailFast"))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(call).Symbol is IMethodSymbol { ContainingType: { Name: "Environment", ContainingNamespace.Name: "System" } } method)
                {
                    var span = call.GetLocation().GetMappedLineSpan();
                    found.Add(Diagnostic.Error(ErrorCodes.ScriptEndsProcess,
                        $"Environment.{method.Name} would end procurator itself, with no message; a script only declares the workspace: " +
                        "throw an exception (reported at its line) or let a policy report the problem",
                        new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1)));
                }
            }
        }

        return found;
    }
}
