using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Procurator.Scripting;

/// <summary>
/// Resolves <c>#load</c> like Roslyn's own resolver, but opens only regular files of bounded size:
/// a <c>#load</c> of a FIFO or <c>/dev/zero</c> becomes Roslyn's located error at the directive
/// (CS1504, with the reason), never a hang or gigabytes of memory.
/// </summary>
internal sealed class BoundedSourceResolver(string baseDirectory, bool lambdas = true) : SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory)
{
    /// <summary>The file as the main script is compiled: too deep nesting refused (CS1504 with the reason), recursion guarded.</summary>
    public override Stream OpenRead(string resolvedPath)
    {
        var text = System.Text.Encoding.UTF8.GetString(IO.BoundedFile.ReadAllBytes(resolvedPath)).TrimStart('\uFEFF');
        if (ScriptNesting.TooDeep(text) is { } deep)
        {
            throw new IOException($"{deep.Message} (line {deep.At.Line + 1})");
        }

        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ScriptStackGuard.Guard(text, lambdas)), writable: false);
    }

    public override bool Equals(object? obj) => obj is BoundedSourceResolver other && other.Lambdas == lambdas && base.Equals(other);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), lambdas);

    private bool Lambdas => lambdas;
}
