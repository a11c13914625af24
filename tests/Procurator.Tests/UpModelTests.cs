using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary><c>procurator up --model procurator.json</c>: the workspace from the generated file, without the script.</summary>
public sealed class UpModelTests
{
    [Fact]
    public async Task Up_runs_the_workspace_of_the_model_file_in_its_folder()
    {
        using var dir = new TempDirectory("from-model");
        using var state = new TempDirectory("state");
        dir.Write("procurator.csx", """Project("p", ".").Task("mark", "echo started-from-model > marker.txt");""");
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        File.Delete(dir.Combine("procurator.csx"));

        // From another folder: the model file's folder is the workspace, and keys its state.
        var environment = new Dictionary<string, string> { [StatePaths.Variable] = "", ["XDG_STATE_HOME"] = state.Path };
        var up = await ProcessRun.InAsync(Path.GetDirectoryName(dir.Path)!, environment, "up", "--model", "from-model/procurator.json", "--no-color");

        Assert.True(up.ExitCode == 0, up.Stderr + up.Stdout);
        Assert.Equal("started-from-model\n", File.ReadAllText(dir.Combine("marker.txt")));
        var key = Path.GetFileNameWithoutExtension(ControlPaths.For(dir.Path).Socket);
        Assert.True(File.Exists(state.Combine("procurator", $"from-model-{key}", "logs", "p.log")), up.Stderr);
        Assert.Equal(["flake.nix", "marker.txt", "procurator.json", "procurator.visualize.sh"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Missing_model_file_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();

        var up = await CliRun.InAsync(dir.Path, "up", "--model", "procurator.json");

        Assert.Equal((2, $"procurator: error PRO045: model file 'procurator.json' was not found (looked in {dir.Path}); generate it with `procurator run`\n"), (up.ExitCode, up.Stderr));
    }

    [Fact]
    public async Task Broken_model_file_is_reported_and_nothing_starts()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.json", "{ \"schemaVersion\": 1, ");

        var up = await CliRun.InAsync(dir.Path, "up", "--model", "procurator.json");

        Assert.Equal(1, up.ExitCode);
        Assert.StartsWith("procurator.json(1,23): error PRO045: not valid JSON: ", up.Stderr);
        Assert.EndsWith("procurator: 1 error in the model file; nothing was started\n", up.Stderr);
    }

    [Fact]
    public async Task Model_and_script_together_are_a_usage_error()
    {
        using var dir = new TempDirectory();

        var up = await CliRun.InAsync(dir.Path, "up", "other.csx", "--model", "procurator.json");

        Assert.Equal((64, "procurator: --model and a script ('other.csx') exclude each other: the model file replaces the script\n"), (up.ExitCode, up.Stderr));
    }
}
