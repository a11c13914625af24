using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// One folder per case under Golden/: <c>input/</c> holds the workspace (a procurator.csx
/// and any project folders), <c>expected/</c> the exit code, stdout/stderr, and the
/// generated flake.nix, procurator.json and procurator.visualize.sh when the run succeeds.
/// Refresh with PROCURATOR_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepositoryPaths.Golden).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_produces_the_expected_files_and_diagnostics(string name)
    {
        var caseDir = Path.Combine(RepositoryPaths.Golden, name);
        var expected = Path.Combine(caseDir, "expected");
        using var workspace = new TempDirectory(name);
        workspace.CopyFrom(Path.Combine(caseDir, "input"));

        var run = await CliRun.InAsync(workspace.Path, "run", "procurator.csx");

        Golden.AssertMatches(Path.Combine(expected, "exit-code.txt"), $"{run.ExitCode}\n");
        Golden.AssertMatches(Path.Combine(expected, "stderr.txt"), run.Stderr);
        var flake = workspace.Combine("flake.nix");
        var json = workspace.Combine("procurator.json");
        if (run.ExitCode == 0)
        {
            Golden.AssertMatches(Path.Combine(expected, "flake.nix"), File.ReadAllText(flake));
            Golden.AssertMatches(Path.Combine(expected, "procurator.json"), File.ReadAllText(json));
            Golden.AssertMatches(Path.Combine(expected, "procurator.visualize.sh"), File.ReadAllText(workspace.Combine("procurator.visualize.sh")));
        }
        else
        {
            Assert.False(File.Exists(flake), "a failed run must not write flake.nix");
            Assert.False(File.Exists(json), "a failed run must not write procurator.json");
            Golden.AssertAbsent(Path.Combine(expected, "flake.nix"), true, "the run failed");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Output_is_byte_identical_across_runs(string name)
    {
        using var first = new TempDirectory(name);
        using var second = new TempDirectory(name);
        first.CopyFrom(Path.Combine(RepositoryPaths.Golden, name, "input"));
        second.CopyFrom(Path.Combine(RepositoryPaths.Golden, name, "input"));

        var a = await CliRun.InAsync(first.Path, "run", "procurator.csx");
        var b = await CliRun.InAsync(second.Path, "run", "procurator.csx");

        Assert.Equal(a, b);
        if (a.ExitCode == 0)
        {
            Assert.Equal(File.ReadAllBytes(first.Combine("flake.nix")), File.ReadAllBytes(second.Combine("flake.nix")));
            Assert.Equal(File.ReadAllBytes(first.Combine("procurator.json")), File.ReadAllBytes(second.Combine("procurator.json")));
        }
    }
}
