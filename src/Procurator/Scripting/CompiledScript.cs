namespace Procurator.Scripting;

/// <summary>A file the compiled script was made from (the script, a <c>#load</c>ed file or an <c>#r</c>eferenced assembly).</summary>
internal sealed record SourceDependency(string Path, string Hash);

/// <summary>
/// A script compiled to an assembly: what the cache stores and the runner loads. Holds no
/// Roslyn types, so a cache hit never loads the compiler.
/// </summary>
/// <param name="Assembly">The emitted assembly.</param>
/// <param name="Pdb">Its portable PDB, so stack traces carry script lines.</param>
/// <param name="Sources">The script and every <c>#load</c>ed file, with their hashes.</param>
/// <param name="References">Assemblies the script referenced with <c>#r</c>, with their hashes.</param>
internal sealed record CompiledScript(
    byte[] Assembly,
    byte[] Pdb,
    IReadOnlyList<SourceDependency> Sources,
    IReadOnlyList<SourceDependency> References)
{
    public IEnumerable<string> SourceFiles => Sources.Select(s => s.Path);
}
