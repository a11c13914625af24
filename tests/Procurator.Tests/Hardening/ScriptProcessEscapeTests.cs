using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 11, as a real process: unbounded recursion and 20,000 <c>(</c> ended procurator
/// with a raw stack trace and exit 134; <c>Environment.Exit(42)</c> ended it with 42 and no message.
/// Each is now a located error and exit 2 (the script did not compile or threw).
/// </summary>
public sealed class ScriptProcessEscapeTests
{
    private static async Task<ProcessRun> ValidateAsync(string script, params (string Name, string Text)[] others)
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", script);
        foreach (var (name, text) in others)
        {
            dir.Write(name, text);
        }

        return await ProcessRun.InAsync(dir.Path, null, "validate", "--no-cache");
    }

    [Fact]
    public async Task Unbounded_recursion_is_a_located_error_at_the_recursing_line()
    {
        var run = await ValidateAsync("Project(\"api\");\nint Deeper(int n) => Deeper(n + 1) + 1;\nDeeper(0);\n");

        Assert.Equal(
            (2, "procurator.csx(2,1): error PRO0001: stack overflow: recursion too deep (does a method call itself without end?)"),
            (run.ExitCode, run.Stderr.Split('\n')[0]));
    }

    [Fact]
    public async Task Recursion_through_a_block_lambda_and_a_loaded_class_method_is_caught_too()
    {
        var lambda = await ValidateAsync("System.Func<int, int> f = null!;\nf = n => { return f(n + 1) + 1; };\nf(0);\n");
        var loaded = await ValidateAsync("#load \"lib.csx\"\nnew Deep().Down(0);\n",
            ("lib.csx", "class Deep\n{\n    public int Down(int n)\n    {\n        return Down(n + 1) + 1;\n    }\n}\n"));

        Assert.Equal((2, "procurator.csx(2,1): error PRO0001: stack overflow: recursion too deep (does a method call itself without end?)"), (lambda.ExitCode, lambda.Stderr.Split('\n')[0]));
        Assert.Equal(2, loaded.ExitCode);
        Assert.EndsWith("lib.csx(5,9): error PRO0001: stack overflow: recursion too deep (does a method call itself without end?)", loaded.Stderr.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_thousand_open_parentheses_are_a_located_compile_error()
    {
        var run = await ValidateAsync("Project(\"api\");\nvar x = " + new string('(', 20_000) + "1" + new string(')', 20_000) + ";\n");

        Assert.Equal(
            (2, "procurator.csx(2,265): error CS8078: An expression is too long or complex to compile: brackets nested more than 256 levels deep"),
            (run.ExitCode, run.Stderr.Split('\n')[0]));
    }

    [Fact]
    public async Task Environment_exit_and_fail_fast_are_refused_at_the_call()
    {
        var run = await ValidateAsync("Project(\"api\");\nSystem.Environment.Exit(42);\nif (false) { Environment.FailFast(\"x\"); }\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "procurator.csx(2,1): error PRO052: Environment.Exit would end procurator itself, with no message; a script only declares the workspace: throw an exception (reported at its line) or let a policy report the problem",
                "procurator.csx(3,14): error PRO052: Environment.FailFast would end procurator itself, with no message; a script only declares the workspace: throw an exception (reported at its line) or let a policy report the problem",
            ],
            run.Stderr.Split('\n').Take(2));
    }

    [Fact]
    public async Task Recursion_through_an_expression_lambda_is_caught_and_other_lambdas_compile_as_written()
    {
        var recursing = await ValidateAsync("System.Func<int, int> f = null!;\nf = n => f(n + 1) + 1;\nf(0);\n");
        // Bodies with no value, with a value discarded, or target-typed (null, a conditional
        // with null, a nested lambda): each compiles and runs as written.
        var ordinary = await ValidateAsync(
            "var sb = new System.Text.StringBuilder();\nSystem.Action a = () => sb.Append(\"x\");\nSystem.Action b = () => System.Console.Error.Write(\"b\");\n" +
            "System.Func<string?> none = () => null;\nSystem.Func<int, int?> maybe = n => n > 0 ? n : null;\nSystem.Func<int, System.Func<int, int>> add = x => y => x + y;\n" +
            "a(); b();\nSystem.Console.Error.WriteLine($\"{sb}{none() ?? \"-\"}{maybe(0)?.ToString() ?? \"-\"}{add(2)(3)}\");\n" +
            "Project(\"api\").Port(new[] { 1, 2 }.Select(n => n * 4000).Last());\n");

        Assert.Equal((2, "procurator.csx(2,1): error PRO0001: stack overflow: recursion too deep (does a method call itself without end?)"), (recursing.ExitCode, recursing.Stderr.Split('\n')[0]));
        Assert.Equal((0, "bx--5"), (ordinary.ExitCode, ordinary.Stderr.Split('\n')[0]));
    }

    [Fact]
    public async Task Guarded_methods_still_return_their_values_and_lines_stay_as_written()
    {
        var run = await ValidateAsync(
            "int Twice(int n) => n * 2;\nvoid Note(string s) => System.Console.Error.WriteLine(s);\nasync System.Threading.Tasks.Task Later() => await System.Threading.Tasks.Task.Yield();\n" +
            "await Later();\nNote(\"port \" + Twice(4000));\nProject(\"api\").Port(Twice(4000));\nthrow new System.Exception(\"here\");\n");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("port 8000\nprocurator.csx(7,1): error PRO0001: Exception: here", run.Stderr, StringComparison.Ordinal);
    }
}
