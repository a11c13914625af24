using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Procurator.Scripting;

/// <summary>
/// Resolves <c>#r "path/to/lib.dll"</c> relative to the script and refuses
/// <c>#r "nuget:..."</c>: evaluation never downloads anything. Refused references are
/// remembered so the compile error can say why.
/// </summary>
internal sealed class HermeticMetadataResolver(string baseDirectory) : MetadataReferenceResolver
{
    private readonly ScriptMetadataResolver _files = ScriptMetadataResolver.Default
        .WithBaseDirectory(baseDirectory)
        .WithSearchPaths(ImmutableArray<string>.Empty);

    public override bool ResolveMissingAssemblies => false;

    public static bool IsPackageReference(string reference) =>
        reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);

    public override ImmutableArray<PortableExecutableReference> ResolveReference(
        string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        IsPackageReference(reference)
            ? ImmutableArray<PortableExecutableReference>.Empty
            : _files.ResolveReference(reference, baseFilePath, properties);

    public override bool Equals(object? other) =>
        other is HermeticMetadataResolver resolver && resolver._files.Equals(_files);

    public override int GetHashCode() => _files.GetHashCode();
}
