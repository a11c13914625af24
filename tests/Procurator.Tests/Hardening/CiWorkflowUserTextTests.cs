using System.Text.RegularExpressions;
using Procurator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 15: <c>ci github</c> writes every user string so that YAML reads it back exactly and
/// GitHub evaluates nothing from it: a <c>${{</c> in user text only ever becomes <c>${{ '${{' }}</c>.
/// </summary>
public sealed partial class CiWorkflowUserTextTests
{
    private const string FlakeLine = "Workspace.ProcuratorFlake(\"github:my-org/procurator?dir=nix/package\");\n";

    [Theory]
    [InlineData("x: y.csx")]
    [InlineData("a #b.csx")]
    [InlineData("it's.csx")]
    [InlineData("[x] {y}: 'z' \"w\".csx")]
    public async Task Script_paths_read_back_exactly(string script)
    {
        using var repo = new TempDirectory("repo");
        repo.Write(script, FlakeLine + "Project(\"api\", \".\");\n");

        var run = await CliRun.InAsync(repo.Path, "ci", "github", script, "-o", "-");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(script, Load(run.Stdout)["env"]["PROCURATOR_SCRIPT"].ToString());
    }

    [Fact]
    public async Task Expressions_in_commands_versions_and_env_are_never_evaluated()
    {
        using var repo = new TempDirectory("repo");
        repo.Write("procurator.csx", FlakeLine + """
            Service("postgres").Version("16${{ secrets.V }}").Env("POSTGRES_DB", "${{ secrets.TOKEN }}");
            Project("api", ".").DependsOn("postgres")
                .Check("test", "echo '${{ github.token }}' && make test # all of them")
                .Check("lint", "make lint");
            """);

        var run = await CliRun.InAsync(repo.Path, "ci", "github", "-o", "-");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var root = Load(run.Stdout);
        var jobs = (YamlMappingNode)root["jobs"];
        var projectsText = ((YamlSequenceNode)jobs["affected"]["steps"]).OfType<YamlMappingNode>()
            .Single(s => s.Children.ContainsKey("id")).Children[new YamlScalarNode("env")]["PROJECTS"].ToString();
        var dbValue = jobs["test"]["services"]["postgres"]["env"]["POSTGRES_DB"].ToString();

        // What GitHub would see in each: only expressions that yield the literal ${{.
        using var projects = System.Text.Json.JsonDocument.Parse(Evaluate(projectsText));
        var api = projects.RootElement.GetProperty("api");
        Assert.Equal("(\nmake lint\n) && (\necho '${{ github.token }}' && make test # all of them\n)", api.GetProperty("checks").GetString());
        Assert.Equal("postgres:16${{ secrets.V }}", api.GetProperty("postgres").GetString());
        Assert.Equal("${{ secrets.TOKEN }}", Evaluate(dbValue));
    }

    [Fact]
    public async Task The_check_commands_still_run_in_bash_as_written()
    {
        using var repo = new TempDirectory("repo");
        repo.Write("procurator.csx", FlakeLine + "Project(\"api\", \".\").Check(\"a\", \"echo one # the first\").Check(\"b\", \"echo two\");\n");

        var run = await CliRun.InAsync(repo.Path, "ci", "github", "-o", "-");
        using var projects = System.Text.Json.JsonDocument.Parse(Evaluate(((YamlSequenceNode)Load(run.Stdout)["jobs"]["affected"]["steps"])
            .OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey("id"))["env"]["PROJECTS"].ToString()));
        var bash = await ToolProcess.RunAsync("bash", ["-euo", "pipefail", "-c", projects.RootElement.GetProperty("api").GetProperty("checks").GetString()!]);

        Assert.Equal((0, "one\ntwo\n"), (bash.ExitCode, bash.Stdout));
    }

    /// <summary>GitHub's substitution of <c>${{ … }}</c>; fails on any expression other than the literal one.</summary>
    private static string Evaluate(string value) => Expression().Replace(value, match =>
    {
        Assert.Equal(" '${{' ", match.Groups[1].Value);
        return "${{";
    });

    private static YamlMappingNode Load(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
    private static partial Regex Expression();
}
