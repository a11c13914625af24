using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary><c>init --editor</c>: the files it writes, and never overwriting a file without <c>--force</c>.</summary>
public sealed class InitCommandTests
{
    private const string OmniSharpJson =
        "{\n  \"script\": {\n    \"enabled\": true,\n    \"defaultTargetFramework\": \"net10.0\",\n" +
        "    \"enableScriptNuGetReferences\": false,\n    \"rspFilePath\": \"procurator.rsp\"\n  }\n}\n";

    private const string VsCodeSettings = "{\n  \"dotnet.server.useOmnisharp\": true\n}\n";

    private static readonly string ResponseFile =
        $"/r:\"{typeof(Dsl).Assembly.Location}\"\n" +
        "/u:System\n/u:System.IO\n/u:System.Linq\n/u:System.Collections.Generic\n/u:Procurator\n/u:Procurator.Model\n/u:Procurator.Dsl\n";

    [Fact]
    public async Task Init_editor_writes_the_three_files_and_names_each()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, "init", "ws", "--editor");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal("wrote ws/procurator.rsp\nwrote ws/omnisharp.json\nwrote ws/.vscode/settings.json\n", run.Stdout);
        Assert.Equal(ResponseFile, File.ReadAllText(dir.Combine("ws", "procurator.rsp")));
        Assert.Equal(OmniSharpJson, File.ReadAllText(dir.Combine("ws", "omnisharp.json")));
        Assert.Equal(VsCodeSettings, File.ReadAllText(dir.Combine("ws", ".vscode", "settings.json")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Init_again_leaves_identical_files_alone()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "init", "--editor")).ExitCode);
        var rsp = File.ReadAllBytes(dir.Combine("procurator.rsp"));

        var again = await CliRun.InAsync(dir.Path, "init", "--editor");

        Assert.Equal((0, ""), (again.ExitCode, again.Stderr));
        Assert.Equal("procurator.rsp: up to date\nomnisharp.json: up to date\n.vscode/settings.json: up to date\n", again.Stdout);
        Assert.Equal(rsp, File.ReadAllBytes(dir.Combine("procurator.rsp")));
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_files_that_differ_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("omnisharp.json", "{}\n");
        dir.Write(".vscode/settings.json", "{ \"editor.tabSize\": 2 }\n");

        var run = await CliRun.InAsync(dir.Path, "init", "--editor");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "omnisharp.json: exists; use --force to overwrite\n.vscode/settings.json: exists; use --force to overwrite\n",
            run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(dir.Combine("procurator.rsp")));
        Assert.Equal("{}\n", File.ReadAllText(dir.Combine("omnisharp.json")));
        Assert.Equal("{ \"editor.tabSize\": 2 }\n", File.ReadAllText(dir.Combine(".vscode", "settings.json")));
    }

    [Fact]
    public async Task Init_with_force_overwrites_files_that_differ()
    {
        using var dir = new TempDirectory();
        dir.Write("omnisharp.json", "{}\n");
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "init", "--editor", "--force")).ExitCode);
        dir.Write("procurator.rsp", "/u:System\n");

        var run = await CliRun.InAsync(dir.Path, "init", "--editor", "--force");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal("wrote procurator.rsp\nomnisharp.json: up to date\n.vscode/settings.json: up to date\n", run.Stdout);
        Assert.Equal(ResponseFile, File.ReadAllText(dir.Combine("procurator.rsp")));
        Assert.Equal(OmniSharpJson, File.ReadAllText(dir.Combine("omnisharp.json")));
    }

    [Theory]
    [InlineData("init")]
    [InlineData("init", "--force")]
    public async Task Init_without_editor_scans_and_an_empty_folder_writes_nothing(params string[] args)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, args);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(".: no projects found", run.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Init_of_a_missing_folder_is_a_usage_error()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InAsync(dir.Path, "init", "ws");

        Assert.Equal((64, "procurator: ws: no such folder\n"), (run.ExitCode, run.Stderr));
    }
}
