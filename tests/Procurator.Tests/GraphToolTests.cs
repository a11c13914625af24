using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// The mermaid and DOT outputs as the real tools read them: mermaid-cli (with Debian's chromium)
/// and Graphviz must render the example and the workspace of keyword names and hostile text.
/// </summary>
public sealed class GraphToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("render");

    public static TheoryData<string> Workspaces => new(GraphWorkspaces.Microservices, GraphWorkspaces.HostileNames, GraphWorkspaces.Conditions);

    [MermaidCliTheory]
    [MemberData(nameof(Workspaces))]
    public async Task Mermaid_output_renders_with_mermaid_cli(string workspace)
    {
        var input = await GraphWorkspaces.WriteAsync(workspace, "mermaid", _dir.Path, "graph.mmd");
        var svg = _dir.Combine("graph.svg");

        var result = await MermaidCli.RenderAsync(input, svg);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<svg", await File.ReadAllTextAsync(svg), StringComparison.Ordinal);
    }

    [RequiresToolTheory("dot")]
    [MemberData(nameof(Workspaces))]
    public async Task Dot_output_renders_with_graphviz(string workspace)
    {
        var input = await GraphWorkspaces.WriteAsync(workspace, "dot", _dir.Path, "graph.dot");

        var result = await ToolProcess.RunAsync(NixCli.FindExecutable("dot") ?? "dot", ["-Tsvg", input]);

        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, result.ToString());
        Assert.Contains("<svg", result.Stdout, StringComparison.Ordinal);
    }

    [RequiresToolFact("dot")]
    public async Task Graphviz_reads_every_label_back_unchanged()
    {
        var input = await GraphWorkspaces.WriteAsync(GraphWorkspaces.HostileNames, "dot", _dir.Path, "graph.dot");

        // json0: the graph as Graphviz parsed it, one object per node and cluster with its label.
        var result = await ToolProcess.RunAsync(NixCli.FindExecutable("dot") ?? "dot", ["-Tjson0", input]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var labels = json.RootElement.GetProperty("objects").EnumerateArray()
            .Where(o => o.TryGetProperty("label", out _) && !o.GetProperty("name").GetString()!.StartsWith("cluster_", StringComparison.Ordinal))
            .Select(o => o.GetProperty("label").GetString())
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Contains("style 1.6 \"</script><img src=x onerror=window.pwned=1>", labels);
        Assert.Contains("node 7.2-ünï ☕", labels);
        Assert.Contains("end", labels);
    }

    public void Dispose() => _dir.Dispose();
}
