using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Procurator.Scripting;

/// <summary>
/// Splits the top-level statements of a long script into methods of a few dozen statements
/// each. Roslyn compiles a script's statements into one method, and the JIT's cost grows
/// faster than the method: a 1,000-project script took 0.9 s to JIT on every warm run as one
/// method, and a quarter of that as twenty. Only what behaves the same inside a method moves:
/// runs of plain expression statements (calls such as <c>Project("api").Port(8080);</c>) with
/// no <c>await</c> and no variable declared inside them (those would become locals of the
/// method instead of script variables). The wrappers are written on the lines of the
/// statements around them, so every line number (diagnostics, stack traces, script sites)
/// stays as the user wrote it.
/// </summary>
internal static class ScriptSplitter
{
    /// <summary>Statements per method: small enough for the JIT, large enough to stay few.</summary>
    public const int ChunkSize = 40;

    /// <summary>Scripts with fewer movable statements than this are left exactly as written.</summary>
    public const int Threshold = 2 * ChunkSize;

    private const string PartName = "__ProcuratorPart";

    public static string Split(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var chunks = Chunks(root);
        if (chunks.Sum(c => c.Statements.Count) < Threshold)
        {
            return text;
        }

        // From the end, so earlier positions stay valid. The opening goes at the end of the
        // line before the chunk, the closing at the end of its last line.
        var result = new StringBuilder(text);
        for (var index = chunks.Count - 1; index >= 0; index--)
        {
            var (after, chunk) = chunks[index];
            var name = $"{PartName}{index + 1}";
            result.Insert(chunk[^1].Span.End, $" }} {name}();");
            result.Insert(after.Span.End, $" void {name}() {{");
        }

        return result.ToString();
    }

    /// <summary>Runs of movable statements, each with the member before it, cut where lines break.</summary>
    private static List<(MemberDeclarationSyntax After, List<GlobalStatementSyntax> Statements)> Chunks(CompilationUnitSyntax root)
    {
        var chunks = new List<(MemberDeclarationSyntax After, List<GlobalStatementSyntax> Statements)>();
        var current = new List<GlobalStatementSyntax>();
        MemberDeclarationSyntax? before = null;
        MemberDeclarationSyntax? previous = null;
        foreach (var member in root.Members)
        {
            var movable = member is GlobalStatementSyntax statement && IsMovable(statement)
                && previous is not null && Line(previous.GetLastToken()) < Line(member.GetFirstToken());
            if (!movable || current.Count == ChunkSize)
            {
                Close(before, current, chunks);
                current = [];
            }

            if (movable)
            {
                before = current.Count == 0 ? previous : before;
                current.Add((GlobalStatementSyntax)member);
            }

            previous = member;
        }

        Close(before, current, chunks);
        return chunks;
    }

    /// <summary>Keeps a chunk of two or more statements, ended where its line ends so the closing shifts no code.</summary>
    private static void Close(MemberDeclarationSyntax? before, List<GlobalStatementSyntax> chunk, List<(MemberDeclarationSyntax After, List<GlobalStatementSyntax> Statements)> chunks)
    {
        while (chunk.Count > 0 && !EndsItsLine(chunk[^1]))
        {
            chunk.RemoveAt(chunk.Count - 1);
        }

        if (before is not null && chunk.Count > 1)
        {
            chunks.Add((before, chunk));
        }
    }

    private static bool IsMovable(GlobalStatementSyntax statement) =>
        statement.Statement is ExpressionStatementSyntax { SemicolonToken.IsMissing: false } expression
        && !expression.DescendantNodes().Any(n => n is AwaitExpressionSyntax or VariableDesignationSyntax or DeclarationExpressionSyntax)
        && !expression.DescendantTokens().Any(t => t.IsKind(SyntaxKind.AwaitKeyword));

    private static int Line(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line;

    /// <summary>Nothing but a comment follows the statement on its line (or it ends the file).</summary>
    private static bool EndsItsLine(GlobalStatementSyntax statement)
    {
        var next = statement.GetLastToken().GetNextToken();
        return next.IsKind(SyntaxKind.None) || next.IsKind(SyntaxKind.EndOfFileToken) || Line(next) > Line(statement.GetLastToken());
    }
}
