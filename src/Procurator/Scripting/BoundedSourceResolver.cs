using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Procurator.Scripting;

/// <summary>
/// Resolves <c>#load</c> like Roslyn's own resolver, but opens only regular files of bounded size:
/// a <c>#load</c> of a FIFO or <c>/dev/zero</c> becomes Roslyn's located error at the directive
/// (CS1504, with the reason), never a hang or gigabytes of memory.
/// </summary>
internal sealed class BoundedSourceResolver(string baseDirectory) : SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory)
{
    public override Stream OpenRead(string resolvedPath) => new MemoryStream(IO.BoundedFile.ReadAllBytes(resolvedPath), writable: false);

    public override bool Equals(object? obj) => obj is BoundedSourceResolver other && base.Equals(other);

    public override int GetHashCode() => base.GetHashCode();
}
