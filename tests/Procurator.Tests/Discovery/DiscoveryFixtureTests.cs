using Procurator.Tests.Support;

namespace Procurator.Tests.Discovery;

/// <summary>
/// <c>procurator init DIR</c> on each fixture under <c>DiscoveryFixtures/CASE/input</c>: the printed
/// findings, diagnostics and exit code (<c>expected/init.txt</c>) and the written files
/// (<c>expected/files/</c>). Refresh with PROCURATOR_UPDATE_GOLDEN=1.
/// </summary>
public sealed class DiscoveryFixtureTests
{
    public static TheoryData<string> Cases() =>
    [
        "rust-workspace", "node-pnpm", "node-yarn-workspaces", "python-poetry", "python-uv", "python-pip", "go", "dotnet",
        "java-maven", "java-gradle", "ruby", "php", "monorepo", "nested-workspaces", "multi-repo", "bad-toml", "bad-json", "bad-yaml",
    ];

    internal static string Fixture(string name) => Path.Combine(RepositoryPaths.Tests, "DiscoveryFixtures", name);

    /// <summary>A copy of the fixture's input; the multi-repo case gets its <c>.git</c> markers here, as git cannot hold them.</summary>
    internal static TempDirectory Copy(string name)
    {
        var dir = new TempDirectory(name);
        dir.CopyFrom(Path.Combine(Fixture(name), "input"));
        if (name == "multi-repo")
        {
            dir.Write("ledger/.git", "gitdir: ../.git-store/ledger\n");
            Directory.CreateDirectory(dir.Combine("storefront", ".git"));
        }

        return dir;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Init_prints_its_findings_and_writes_the_expected_files(string name)
    {
        using var dir = Copy(name);

        var run = await CliRun.InAsync(dir.Path, "init");

        var expected = Path.Combine(Fixture(name), "expected");
        Golden.AssertMatches(Path.Combine(expected, "init.txt"), $"exit {run.ExitCode}\n--- stdout\n{run.Stdout}--- stderr\n{run.Stderr}");
        var written = new[] { "procurator.csx", "flake.nix" }.Where(f => File.Exists(dir.Combine(f))).ToArray();
        foreach (var file in new[] { "procurator.csx", "flake.nix" })
        {
            var path = Path.Combine(expected, "files", file);
            if (written.Contains(file))
            {
                Golden.AssertMatches(path, File.ReadAllText(dir.Combine(file)));
            }
            else if (File.Exists(path))
            {
                Golden.AssertAbsent(path, actuallyAbsent: true, $"init did not write {file}");
            }
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
