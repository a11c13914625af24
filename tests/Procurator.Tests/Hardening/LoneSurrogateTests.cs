using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 14: a lone surrogate has no UTF-8 form; it is reported where it was written, not turned into U+FFFD.</summary>
public sealed class LoneSurrogateTests
{
    [Fact]
    public async Task Lone_surrogate_in_a_value_is_a_located_PRO011()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\", \".\")\n    .Env(\"TOKEN\", \"ab\\ud800c\");\n");

        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal(
            (1, "procurator.csx(2,6): error PRO011: env var TOKEN of project 'api' contains a lone UTF-16 surrogate (\\ud800 at index 2), which UTF-8 files cannot hold; it would be written as U+FFFD\nprocurator: 1 error; nothing was written\n"),
            (run.ExitCode, run.Stderr));
        Assert.False(File.Exists(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task A_surrogate_pair_is_fine()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\", \".\").Env(\"MOOD\", \"\\ud83d\\ude00\");\n");

        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.Combine("procurator.json")));
        Assert.Equal("\U0001F600", json.RootElement.GetProperty("projects")[0].GetProperty("env").GetProperty("MOOD").GetString());
    }
}
