using Procurator.Compose;
using Procurator.Diagnostics;
using Procurator.Tests.Support;

namespace Procurator.Tests.Compose;

/// <summary>
/// Golden JSON for every file of the compose corpus (<c>ComposeCorpus/</c>), loaded with an empty process
/// environment (so unset variables are the same everywhere): <c>ComposeGolden/&lt;case&gt;/expected.json</c>
/// and the warnings in <c>diagnostics.txt</c>.
/// </summary>
public sealed class ComposeCorpusTests
{
    private static readonly string[] Names =
    [
        "angular", "apache-php", "aspnet-mssql", "django", "elasticsearch-logstash-kibana", "fastapi", "flask-redis",
        "gitea-postgres", "minecraft", "nginx-aspnet-mysql", "nginx-flask-mongo", "nginx-golang-mysql", "nginx-nodejs-redis",
        "postgresql-pgadmin", "prometheus-grafana", "react-express-mongodb", "react-java-mysql", "spring-postgres",
        "traefik-golang", "wordpress-mysql",
    ];

    public static TheoryData<string> Cases => new(Names);

    private static string GoldenFolder(string name) => Path.Combine(RepositoryPaths.Tests, "ComposeGolden", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_file_imports_as_its_golden_json(string name)
    {
        var file = Path.Combine(ComposeTestFiles.Corpus, $"{name}.compose.yaml");
        Assert.True(File.Exists(file), $"{file} is missing from the repository's copy of the corpus");

        var result = ComposeLoader.Load(file, ComposeLoadOptions.FromDisk());

        Assert.NotNull(result.Project);
        Golden.AssertMatches(Path.Combine(GoldenFolder(name), "expected.json"), ComposeJson.Write(result.Project));
        var diagnostics = string.Concat(result.Diagnostics.Select(d => DiagnosticFormatter.Format(d, ComposeTestFiles.Corpus) + "\n"));
        Golden.AssertMatches(Path.Combine(GoldenFolder(name), "diagnostics.txt"), diagnostics);
    }

    [Fact]
    public void Every_corpus_file_has_a_case()
    {
        var files = Directory.GetFiles(ComposeTestFiles.Corpus, "*.compose.yaml").Select(f => Path.GetFileName(f)[..^".compose.yaml".Length]).Order(StringComparer.Ordinal);
        Assert.Equal(files, Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("aspnet-mssql")]
    [InlineData("elasticsearch-logstash-kibana")]
    [InlineData("nginx-aspnet-mysql")]
    [InlineData("nginx-nodejs-redis")]
    [InlineData("react-java-mysql")]
    [InlineData("wordpress-mysql")]
    public async Task Imported_script_runs_cleanly(string name)
    {
        using var workspace = new TempDirectory();
        File.Copy(Path.Combine(ComposeTestFiles.Corpus, $"{name}.compose.yaml"), workspace.Combine("compose.yaml"));

        var import = await CliRun.InAsync(workspace.Path, "import", "compose", "compose.yaml", "--format", "csx", "-o", "procurator.csx");
        Assert.Equal(0, import.ExitCode);
        var run = await CliRun.InAsync(workspace.Path, "run", "procurator.csx");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("error", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(workspace.Combine("flake.nix")));
    }
}
