using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Procurator.Diagnostics;
using Diagnostic = Procurator.Diagnostics.Diagnostic;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Procurator.Scripting;

/// <summary>
/// Compiles and runs a <c>procurator.csx</c> with Roslyn scripting and collects what it
/// declares. The DSL is imported statically, so scripts need no <c>using</c>.
/// </summary>
internal static class ScriptEvaluator
{
    private static readonly string[] Imports =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic",
        "Procurator", "Procurator.Dsl",
    ];

    // What a script may use besides the DSL: the core library, LINQ, collections and IO.
    private static readonly System.Reflection.Assembly[] References =
    [
        typeof(Dsl).Assembly, typeof(object).Assembly, typeof(Enumerable).Assembly,
        typeof(List<>).Assembly, typeof(File).Assembly, typeof(Console).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        System.Reflection.Assembly.Load("System.Runtime"),
    ];

    public static async Task<EvaluationResult> EvaluateAsync(string scriptPath, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(scriptPath);
        if (!File.Exists(fullPath))
        {
            var missing = Diagnostic.Error(ErrorCodes.ScriptNotFound, $"script '{scriptPath}' was not found", null);
            return new EvaluationResult(null, [missing], []);
        }

        // Compile: errors point at the script (or the #load-ed file) and line.
        var code = await File.ReadAllTextAsync(fullPath, cancellationToken);
        var script = CSharpScript.Create(code, OptionsFor(fullPath));
        var compilation = script.GetCompilation();
        var sourceFiles = compilation.SyntaxTrees.Select(t => t.FilePath).Where(p => p.Length > 0).Distinct().ToArray();
        var compileErrors = script.Compile(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(ToDiagnostic)
            .ToArray();
        if (compileErrors.Length > 0)
        {
            return new EvaluationResult(null, compileErrors, sourceFiles);
        }

        // Run: the DSL collects declarations into a context of this evaluation only.
        var declarations = new WorkspaceDeclarations();
        using (DslContext.Begin(declarations))
        {
            try
            {
                await script.RunAsync(cancellationToken: cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new EvaluationResult(null, [RuntimeError(exception, sourceFiles)], sourceFiles);
            }
        }

        return new EvaluationResult(declarations, [], sourceFiles);
    }

    private static ScriptOptions OptionsFor(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        return ScriptOptions.Default
            .WithFilePath(fullPath)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(false)
            .WithEmitDebugInformation(true)
            .AddReferences(References)
            .WithImports(Imports)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithMetadataResolver(new HermeticMetadataResolver(directory));
    }

    private static Diagnostic ToDiagnostic(RoslynDiagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        SourceLocation? location = span.IsValid && span.Path.Length > 0
            ? new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1)
            : null;
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var package = PackageReferenceIn(diagnostic);
        return package is null
            ? Diagnostic.Error(diagnostic.Id, message, location)
            : Diagnostic.Error(ErrorCodes.NuGetReference,
                $"#r \"{package}\" is not supported: evaluation is hermetic and never downloads packages; " +
                "reference a built assembly with #r \"path/to/Library.dll\" instead", location);
    }

    /// <summary>The <c>nuget:</c> reference a "metadata file not found" error is about, if any.</summary>
    private static string? PackageReferenceIn(RoslynDiagnostic diagnostic)
    {
        if (diagnostic.Id != "CS0006")
        {
            return null;
        }

        // "Metadata file 'nuget: Name, 1.0' could not be found": the reference is the quoted part.
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        var reference = start >= 0 && end > start ? message[(start + 1)..end] : null;
        return reference is not null && HermeticMetadataResolver.IsPackageReference(reference) ? reference : null;
    }

    /// <summary>The frame's column, or the first non-blank column of its line when the PDB has none.</summary>
    private static int FirstColumn(System.Diagnostics.StackFrame frame)
    {
        if (frame.GetFileColumnNumber() > 0)
        {
            return frame.GetFileColumnNumber();
        }

        var lines = File.Exists(frame.GetFileName()) ? File.ReadAllLines(frame.GetFileName()!) : [];
        var line = frame.GetFileLineNumber() - 1;
        return line >= 0 && line < lines.Length ? lines[line].Length - lines[line].TrimStart().Length + 1 : 1;
    }

    /// <summary>An exception thrown by the script, located at its first frame inside the script's files.</summary>
    private static Diagnostic RuntimeError(Exception exception, IReadOnlyCollection<string> sourceFiles)
    {
        var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } e } ? e : exception;
        var frame = new System.Diagnostics.StackTrace(inner, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() is { } file && sourceFiles.Contains(file, StringComparer.Ordinal));
        SourceLocation? location = frame is null
            ? null
            : new SourceLocation(frame.GetFileName()!, frame.GetFileLineNumber(), FirstColumn(frame));
        return Diagnostic.Error(ErrorCodes.ScriptRuntimeError, $"{inner.GetType().Name}: {inner.Message}", location);
    }
}
