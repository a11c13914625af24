using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Procurator.Editor;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// <c>init --editor</c> as an editor sees it: the scripts compile with nothing but the
/// response file, and the SDK's XML docs sit where OmniSharp looks for hovers.
/// </summary>
public sealed class EditorSupportTests
{
    [Fact]
    public async Task Editor_response_file_compiles_every_example_without_errors()
    {
        using var dir = new TempDirectory();
        var arguments = await InitAsync(dir);
        var scripts = CleanScripts();
        Assert.Contains(scripts, s => File.ReadAllText(s).Contains("#load", StringComparison.Ordinal));

        var errors = scripts.SelectMany(s => EditorCompilation.Errors(EditorCompilation.Compile(arguments, s))).ToArray();

        Assert.True(errors.Length == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Without_the_dsl_using_the_same_compilation_does_not_know_Project()
    {
        using var dir = new TempDirectory();
        await InitAsync(dir);
        var lines = File.ReadAllLines(dir.Combine("procurator.rsp"));
        var withoutDsl = lines.Where(l => l != "/u:Procurator.Dsl").ToArray();
        Assert.Equal(lines.Length - 1, withoutDsl.Length);
        File.WriteAllLines(dir.Combine("no-dsl.rsp"), withoutDsl);
        var arguments = EditorCompilation.ParseResponseFile(dir.Combine("no-dsl.rsp"));

        var compilation = EditorCompilation.Compile(arguments, Path.Combine(RepositoryPaths.Root, "procurator.csx"));

        Assert.Contains(compilation.GetDiagnostics(), d =>
            d.Id == "CS0103" && d.GetMessage(CultureInfo.InvariantCulture) == "The name 'Project' does not exist in the current context");
    }

    [Fact]
    public async Task Xml_docs_beside_the_referenced_sdk_give_the_Project_hover_its_example()
    {
        using var dir = new TempDirectory();
        var sdk = Assert.Single((await InitAsync(dir)).MetadataReferences).Reference;
        var xml = Path.ChangeExtension(sdk, ".xml");
        Assert.True(File.Exists(xml), $"no XML docs beside {sdk}: hovers would be empty");

        // Where OmniSharp looks: the .xml beside each referenced dll.
        var reference = MetadataReference.CreateFromFile(sdk, documentation: new XmlDocs(xml));
        var compilation = CSharpCompilation.CreateScriptCompilation("hover", references: [.. EditorCompilation.Framework.Value, reference]);
        var project = compilation.GetTypeByMetadataName("Procurator.Dsl")!.GetMembers("Project").Single();

        Assert.Equal("M:Procurator.Dsl.Project(System.String,System.String,Procurator.CallerBarrier,System.String,System.Int32)", project.GetDocumentationCommentId());
        Assert.Contains(
            "<example><code>Project(\"api\", \"./services/api\").DependsOn(\"postgres\").Port(8080);</code></example>",
            project.GetDocumentationCommentXml(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Response_file_keeps_an_sdk_path_with_spaces_commas_and_semicolons_whole()
    {
        using var dir = new TempDirectory();
        var sdk = dir.Combine("my tools, v2;beta", "Procurator.Sdk.dll");
        File.WriteAllText(dir.Combine("procurator.rsp"), EditorFiles.For(sdk, "net10.0").ResponseFile);

        var arguments = EditorCompilation.ParseResponseFile(dir.Combine("procurator.rsp"));

        Assert.Empty(arguments.Errors);
        Assert.Equal(sdk, Assert.Single(arguments.MetadataReferences).Reference);
    }

    /// <summary>Runs <c>init --editor</c> in <paramref name="dir"/> and parses the response file it wrote.</summary>
    private static async Task<CSharpCommandLineArguments> InitAsync(TempDirectory dir)
    {
        var init = await CliRun.InAsync(dir.Path, "init", "--editor");
        Assert.Equal((0, ""), (init.ExitCode, init.Stderr));
        var arguments = EditorCompilation.ParseResponseFile(dir.Combine("procurator.rsp"));
        Assert.Empty(arguments.Errors);
        return arguments;
    }

    /// <summary>
    /// The repository's own script, the example, and every golden case the tool compiles
    /// cleanly: exit 0, or 1 (validation errors come after compiling and running). Exit 2
    /// cases are the scripts that do not compile, or throw.
    /// </summary>
    private static string[] CleanScripts() =>
    [
        Path.Combine(RepositoryPaths.Root, "procurator.csx"),
        Path.Combine(RepositoryPaths.Examples, "microservices", "procurator.csx"),
        .. Directory.EnumerateDirectories(RepositoryPaths.Golden)
            .Where(c => File.ReadAllText(Path.Combine(c, "expected", "exit-code.txt")).Trim() is "0" or "1")
            .Order(StringComparer.Ordinal)
            .Select(c => Path.Combine(c, "input", "procurator.csx")),
    ];
}
