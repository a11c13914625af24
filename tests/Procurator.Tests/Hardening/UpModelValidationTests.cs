using Procurator.Model;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 16: <c>up --model</c> checks an edited procurator.json as <c>run</c> checks a script:
/// each problem with <c>run</c>'s code at its place in the file, and nothing starts.
/// </summary>
public sealed class UpModelValidationTests
{
    private static string Model(string projects, string services = "[]") => $$"""
        {
          "schemaVersion": 1,
          "workspace": { "name": "w", "description": null, "nixpkgs": "github:NixOS/nixpkgs/nixos-unstable", "systems": ["x86_64-linux"], "procuratorFlake": null },
          "projects": {{projects}},
          "services": {{services}},
          "externals": [],
          "shells": [],
          "teams": []
        }
        """;

    private static string Project(string name, string path = ".", string dependsOn = "[]", string ports = "[]", string extra = "") =>
        $$"""{ "name": "{{name}}", "path": "{{path}}", "description": null, "dependsOn": {{dependsOn}}, "buildDependsOn": [], "ports": {{ports}}, "env": {}, "packages": [], "processes": [{ "name": "web", "command": "sleep 60" }], "healthChecks": [], "checks": [], "flakeInput": null{{extra}} }""";

    [Theory]
    [InlineData("cycle", "PRO004", "dependency cycle: a -> b -> a")]
    [InlineData("duplicate", "PRO002", "project 'a' is declared twice")]
    [InlineData("outside", "PRO014", "path '../../etc' of project 'a' is not a folder inside the workspace")]
    [InlineData("port", "PRO005", "port -5 of project 'a' is out of range (1-65535)")]
    [InlineData("restart", "PRO011", "restart 'sometimes' of project 'a': expected \"no\", \"on-failure\" or \"always\"")]
    [InlineData("unknown", "PRO001", "project 'a' depends on 'ghost', which is not declared")]
    [InlineData("name", "PRO003", "project name 'A\\u001b[31m' is invalid: names match ^[a-z][a-z0-9-]*$")]
    public async Task Invalid_model_is_reported_at_its_place_and_nothing_starts(string problem, string code, string message)
    {
        var projects = problem switch
        {
            "cycle" => $"[{Project("a", dependsOn: "[\"b\"]")}, {Project("b", dependsOn: "[\"a\"]")}]",
            "duplicate" => $"[{Project("a")}, {Project("a")}]",
            "outside" => $"[{Project("a", path: "../../etc")}]",
            "port" => $"[{Project("a", ports: "[-5]")}]",
            "restart" => $"[{Project("a", extra: ", \"restart\": \"sometimes\"")}]",
            "unknown" => $"[{Project("a", dependsOn: "[\"ghost\"]")}]",
            _ => $"[{Project("A\\u001b[31m")}]",
        };
        using var dir = new TempDirectory();
        using var state = new TempDirectory("state");
        dir.Write("procurator.json", Model(projects));

        var up = await ProcessRun.InAsync(dir.Path, new Dictionary<string, string> { ["PROCURATOR_STATE_DIR"] = state.Path }, "up", "--model", "procurator.json", "--no-color");

        Assert.Equal(1, up.ExitCode);
        var first = up.Stderr.Split('\n')[0];
        Assert.Matches(@"^procurator\.json\(\d+,\d+\): error " + code + ": ", first);
        Assert.EndsWith(message, first, StringComparison.Ordinal);
        Assert.EndsWith("in the model file; nothing was started\n", up.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(state.Path));
    }

    [Fact]
    public async Task Errors_point_at_the_offending_value()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.json", Model($"[\n{Project("a", ports: "[-5]")}]"));

        var up = await CliRun.InAsync(dir.Path, "up", "--model", "procurator.json");

        var column = Project("a", ports: "[-5]").IndexOf("-5", StringComparison.Ordinal) + 1;
        Assert.StartsWith($"procurator.json(5,{column}): error PRO005: ", up.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_restart_mode_is_read_back()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"p\", \".\").Process(\"web\", \"sleep 1\").Restart(\"no\");\n");
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);

        var (model, diagnostics) = Procurator.Rendering.ModelJsonReader.ReadFile(dir.Combine("procurator.json"));

        Assert.Empty(diagnostics);
        Assert.Equal(RestartMode.No, model!.Projects[0].Restart);
    }
}
