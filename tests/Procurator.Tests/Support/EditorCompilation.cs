using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace Procurator.Tests.Support;

/// <summary>
/// Compiles a <c>.csx</c> the way OmniSharp does for a folder with a response file
/// (omnisharp-roslyn <c>ScriptProjectProvider</c>): the rsp is parsed by Roslyn's script
/// command line parser, and its usings and references are all a script gets besides the
/// framework. Nothing of Procurator's own evaluator is used.
/// </summary>
internal static class EditorCompilation
{
    /// <summary>
    /// What an editor's script host adds by itself: the framework. For a .NET host that is the
    /// shared framework it runs on, listed in its trusted platform assemblies (Roslyn's own
    /// scripting references the same). Only System.Private.CoreLib's folder counts, so the test
    /// host's other assemblies, Procurator.Sdk among them, can come from nowhere but the rsp.
    /// </summary>
    public static readonly Lazy<MetadataReference[]> Framework = new(() =>
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == frameworkFolder)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    });

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    /// <summary>Parses a response file as OmniSharp does: <c>@file</c>, relative to the file's folder.</summary>
    public static CSharpCommandLineArguments ParseResponseFile(string rspPath) =>
        CSharpCommandLineParser.Script.Parse([$"@{rspPath}"], Path.GetDirectoryName(rspPath), sdkDirectory: null);

    /// <summary>A script compilation of <paramref name="scriptPath"/>; <c>#load</c> resolves relative to the script.</summary>
    public static CSharpCompilation Compile(CSharpCommandLineArguments arguments, string scriptPath)
    {
        var metadataResolver = ScriptMetadataResolver.Default.WithBaseDirectory(arguments.BaseDirectory);
        var references = arguments.ResolveMetadataReferences(metadataResolver).ToArray();
        var unresolved = references.OfType<UnresolvedMetadataReference>().Select(r => r.Display).ToArray();
        Assert.True(unresolved.Length == 0, $"the response file references what does not exist: {string.Join(", ", unresolved)}");

        // As OmniSharp: a library compilation that takes only the usings from the rsp.
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: arguments.CompilationOptions.Usings)
            .WithSourceReferenceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, Path.GetDirectoryName(scriptPath)))
            .WithMetadataReferenceResolver(metadataResolver);
        var text = SourceText.From(File.ReadAllText(scriptPath), Encoding.UTF8);
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, scriptPath);
        return CSharpCompilation.CreateScriptCompilation(
            Path.GetFileNameWithoutExtension(scriptPath), tree, [.. Framework.Value, .. references], options);
    }

    /// <summary>The compilation's errors, each as <c>file(line,col): error CSxxxx: message</c>.</summary>
    public static string[] Errors(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToArray();
}
