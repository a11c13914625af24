using System.Diagnostics;
using Procurator.Graph;
using Procurator.Graph.Formats;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The flake's <c>visualize</c> app: its script, run by a real shell, prints the graph.</summary>
public sealed class VisualizeAppTests
{
    [Theory]
    [InlineData(new string[0], "mermaid")]
    [InlineData(new[] { "--format", "mermaid" }, "mermaid")]
    [InlineData(new[] { "--format", "dot" }, "dot")]
    [InlineData(new[] { "--format=json" }, "json")]
    public async Task Script_prints_the_graph_in_the_asked_format(string[] args, string format)
    {
        var graph = await ExampleGraphAsync();
        var expected = format switch
        {
            "dot" => DotWriter.Write(graph),
            "json" => GraphJson.Write(graph, indented: false),
            _ => MermaidWriter.Write(graph),
        };

        var (exitCode, stdout, _) = await RunAsync(graph, args);

        Assert.Equal((0, expected), (exitCode, stdout));
    }

    [Fact]
    public async Task Unknown_format_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await RunAsync(await ExampleGraphAsync(), ["--format", "svg"]);

        Assert.Equal(64, exitCode);
        Assert.Equal("visualize: unknown format 'svg'\nusage: nix run .#visualize -- [--format mermaid|dot|json]\n", stderr);
    }

    private static async Task<WorkspaceGraph> ExampleGraphAsync()
    {
        var load = WorkspaceLoader.Load(Path.Combine(RepositoryPaths.Examples, "microservices", "procurator.csx"), null, Scripting.EvaluationOptions.Default);
        return WorkspaceGraph.From(load.Model!);
    }

    private static async Task<(int, string, string)> RunAsync(WorkspaceGraph graph, string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(string.Join('\n', FlakeViewModel.VisualizeScript(graph)));
        start.ArgumentList.Add("visualize");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await stdout, await stderr);
    }
}
