using System.Text;
using Procurator.Scripting;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>Long scripts are split into methods for the JIT's sake, without moving a line or changing what runs.</summary>
public sealed class ScriptSplitterTests
{
    private static string Projects(int count, int from = 1)
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            text.Append($"Project(\"p{i:D3}\")\n    .DependsOn(db)\n    .Port({8000 + i});\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Short_script_is_left_exactly_as_written()
    {
        var script = "var db = Service(\"postgres\");\n" + Projects(ScriptSplitter.Threshold - 1);

        Assert.Same(script, ScriptSplitter.Split(script));
    }

    [Fact]
    public void Long_script_keeps_every_line_where_it_was_and_only_appends_to_lines()
    {
        var script = "var db = Service(\"postgres\");\n" + Projects(200);

        var split = ScriptSplitter.Split(script);

        var before = script.Split('\n');
        var after = split.Split('\n');
        Assert.Equal(before.Length, after.Length);
        Assert.All(before.Zip(after), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Equal(5, split.Split("void __ProcuratorPart").Length - 1); // 200 statements, 40 per method
        Assert.EndsWith("} __ProcuratorPart5();\n", split, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var extra = Service(\"redis\");")] // a script variable: must stay one
    [InlineData("int.TryParse(\"1\", out var parsed);")] // declares a script variable
    [InlineData("await System.Threading.Tasks.Task.Yield();")]
    [InlineData("if (true) { Project(\"cond\"); }")]
    public void Statements_that_behave_differently_inside_a_method_stay_at_the_top(string statement)
    {
        var script = "var db = Service(\"postgres\");\n" + Projects(100) + statement + "\n" + Projects(100, from: 101);

        var split = ScriptSplitter.Split(script);

        // It stays outside: the method before it closes on the line above, the next one opens after it.
        var lines = split.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(statement, StringComparison.Ordinal));
        Assert.Matches(@"^ *\.Port\(\d+\); \} __ProcuratorPart\d+\(\);$", lines[at - 1]);
        Assert.Equal(statement + " void __ProcuratorPart4() {", lines[at]);
    }

    [Fact]
    public void Two_statements_on_one_line_are_never_split_apart()
    {
        var script = "var db = Service(\"postgres\");\n" + Projects(100) + "Project(\"a\"); Project(\"b\");\n" + Projects(100, from: 101);

        var split = ScriptSplitter.Split(script);

        Assert.Contains("\nProject(\"a\"); Project(\"b\");", split, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Split_script_gives_the_same_model_and_errors_point_at_the_users_lines()
    {
        using var dir = new TempDirectory();
        var body = "var db = Service(\"postgres\");\n" + Projects(150);
        dir.Write("procurator.csx", body);
        var load = await Task.Run(() => WorkspaceLoader.Load(dir.Combine("procurator.csx"), null, EvaluationOptions.Default));
        Assert.Equal(150, load.Model!.Projects.Count);
        Assert.Equal([8120], load.Model.Projects.Single(p => p.Name == "p120").Ports);

        // Project 120 is lines 359-361, inside the third method; its statement starts at 359.
        var broken = body.Split('\n');
        broken[360] = "    .Port(int.Parse(\"x\"));";
        dir.Write("procurator.csx", string.Join('\n', broken));
        var run = await CliRun.InAsync(dir.Path, "validate", "--no-cache");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procurator.csx(359,1): error PRO0001: FormatException:", run.Stderr, StringComparison.Ordinal);
    }
}
