using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using Procurator.Diagnostics;
using Diagnostic = Procurator.Diagnostics.Diagnostic;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Procurator.Scripting;

/// <summary>
/// Compiles a script with Roslyn into an assembly and its PDB. The only place that touches
/// the compiler, so loading Roslyn (the slow part of a cold run) happens only on a cache miss.
/// </summary>
internal static class ScriptCompiler
{
    public static (CompiledScript? Script, IReadOnlyList<Diagnostic> Errors) Compile(
        string fullPath, byte[] code, CancellationToken cancellationToken)
    {
        var source = System.Text.Encoding.UTF8.GetString(code).TrimStart('\uFEFF');
        if (ScriptNesting.TooDeep(source) is { } deep)
        {
            return (null, [Diagnostic.Error("CS8078", deep.Message, new SourceLocation(fullPath, deep.At.Line + 1, deep.At.Character + 1))]);
        }

        // Guard recursion, then split long runs of statements; both keep every line where it was.
        // A lambda whose wrapped body does not compile (a target-typed body such as null) is
        // compiled again unwrapped; then the errors, if any, are about the script as written.
        var (compilation, emitted, assembly, pdb) = Emit(fullPath, source, lambdas: true, cancellationToken);
        if (!emitted.Success)
        {
            assembly.Dispose();
            pdb.Dispose();
            (compilation, emitted, assembly, pdb) = Emit(fullPath, source, lambdas: false, cancellationToken);
        }

        using var assemblyStream = assembly;
        using var pdbStream = pdb;
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            return (null, errors.OrderBy(d => d.Location.SourceSpan.Start).Select(ToDiagnostic).ToArray());
        }

        if (ScriptExitCheck.Find(compilation) is { Count: > 0 } exits)
        {
            return (null, exits);
        }

        var sources = compilation.SyntaxTrees
            .Select(t => t.FilePath)
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(p => new SourceDependency(p, p == fullPath ? FileHash.Of(code) : FileHash.OfFile(p) ?? string.Empty))
            .ToArray();
        var references = compilation.DirectiveReferences
            .OfType<PortableExecutableReference>()
            .Select(r => r.FilePath)
            .OfType<string>()
            .Select(p => new SourceDependency(p, FileHash.OfFile(p) ?? string.Empty))
            .ToArray();
        return (new CompiledScript(assembly.ToArray(), pdb.ToArray(), sources, references), []);
    }

    private static (Compilation Compilation, EmitResult Emitted, MemoryStream Assembly, MemoryStream Pdb) Emit(
        string fullPath, string source, bool lambdas, CancellationToken cancellationToken)
    {
        var text = ScriptSplitter.Split(ScriptStackGuard.Guard(source, lambdas));
        var compilation = CSharpScript.Create(text, OptionsFor(fullPath, lambdas)).GetCompilation();

        // One pass: Emit reports the compile errors too (Script.Compile would build it all once more).
        var assembly = new MemoryStream();
        var pdb = new MemoryStream();
        var emitted = compilation.Emit(assembly, pdb,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            cancellationToken: cancellationToken);
        return (compilation, emitted, assembly, pdb);
    }

    private static ScriptOptions OptionsFor(string fullPath, bool lambdas)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        return ScriptOptions.Default
            .WithFilePath(fullPath)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(false)
            // Not optimized: optimized code loses the line of an exception thrown in the script body.
            .WithEmitDebugInformation(true)
            .AddReferences(ScriptConventions.References)
            .WithImports(ScriptConventions.Imports)
            .WithSourceResolver(new BoundedSourceResolver(directory, lambdas))
            .WithMetadataResolver(new HermeticMetadataResolver(directory));
    }

    private static Diagnostic ToDiagnostic(RoslynDiagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        SourceLocation? location = span.IsValid && span.Path.Length > 0
            ? new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1)
            : null;
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var package = PackageReferenceIn(diagnostic, message);
        return package is null
            ? Diagnostic.Error(diagnostic.Id, message, location)
            : Diagnostic.Error(ErrorCodes.NuGetReference,
                $"#r \"{package}\" is not supported: evaluation is hermetic and never downloads packages; " +
                "reference a built assembly with #r \"path/to/Library.dll\" instead", location);
    }

    /// <summary>The <c>nuget:</c> reference a "metadata file not found" error is about, if any.</summary>
    private static string? PackageReferenceIn(RoslynDiagnostic diagnostic, string message)
    {
        if (diagnostic.Id != "CS0006")
        {
            return null;
        }

        // "Metadata file 'nuget: Name, 1.0' could not be found": the reference is the quoted part.
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        var reference = start >= 0 && end > start ? message[(start + 1)..end] : null;
        return reference is not null && HermeticMetadataResolver.IsPackageReference(reference) ? reference : null;
    }
}
