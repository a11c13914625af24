using System.Diagnostics;
using System.Runtime.Versioning;
using Procurator.Graph;
using Procurator.Graph.Formats;
using Procurator.Model;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// The flake's <c>visualize</c> app: its script, run by a real shell, prints the graph in the
/// asked format; without one it writes the html page to a temporary file and opens it. The
/// <c>[NixFact]</c>s run the script as the real Nix evaluator makes it from a generated flake.
/// </summary>
public sealed class VisualizeAppTests
{
    private const string System = "x86_64-linux";

    private static readonly string Opener = OperatingSystem.IsMacOS() ? "open" : "xdg-open";

    [Theory]
    [InlineData(new[] { "--format", "mermaid" }, "mermaid")]
    [InlineData(new[] { "--format", "dot" }, "dot")]
    [InlineData(new[] { "--format=json" }, "json")]
    [InlineData(new[] { "--format", "html" }, "html")]
    public async Task Script_prints_the_graph_in_the_asked_format(string[] args, string format)
    {
        var (graph, model) = Example();
        var expected = format switch
        {
            "dot" => DotWriter.Write(graph),
            "json" => GraphJson.Write(graph, indented: false),
            "html" => HtmlWriter.Write(graph, model),
            _ => MermaidWriter.Write(graph),
        };

        var run = await RunAsync(Script(graph, model), args);

        Assert.Equal((0, expected, ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData(new[] { "--format", "svg" }, "visualize: unknown format 'svg'\n")]
    [InlineData(new[] { "--format" }, "visualize: unknown format ''\n")]
    [InlineData(new[] { "--open" }, "")]
    public async Task Unknown_format_or_argument_is_a_usage_error(string[] args, string error)
    {
        var (graph, model) = Example();

        var run = await RunAsync(Script(graph, model), args);

        Assert.Equal(
            (64, "", error + "usage: nix run .#visualize -- [--format html|mermaid|dot|json] (without --format: opens the html page)\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    [NixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Without_arguments_the_app_opens_the_page_graph_html_prints()
    {
        using var dir = await GenerateAsync();
        using var tmp = new TempDirectory("tmp");
        var bin = Tools(tmp, "bin");
        var recorded = tmp.Combine("opened.txt");
        var opener = tmp.Write($"fake/{Opener}", $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{recorded}'\n");
        File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var run = await RunAsync(await NixScriptAsync(dir), [], PathOf(tmp.Combine("fake"), bin), tmp.Combine("pages"));

        var file = Assert.Single(Directory.GetFiles(tmp.Combine("pages"), "graph.html", SearchOption.AllDirectories));
        Assert.Equal((0, "", $"visualize: opening {file}\n"), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(file + "\n", await File.ReadAllTextAsync(recorded));
        Assert.Equal(await GraphAsync(dir, "html"), await File.ReadAllTextAsync(file));
    }

    [NixFact]
    public async Task Without_an_opener_the_app_prints_the_path_of_the_page()
    {
        using var dir = await GenerateAsync();
        using var tmp = new TempDirectory("tmp");
        var bin = Tools(tmp, "bin");

        var run = await RunAsync(await NixScriptAsync(dir), [], bin, tmp.Combine("pages"));

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var file = run.Stdout.TrimEnd('\n');
        Assert.Equal(file + "\n", run.Stdout);
        Assert.StartsWith(tmp.Combine("pages", "visualize."), file, StringComparison.Ordinal);
        Assert.Equal(await GraphAsync(dir, "html"), await File.ReadAllTextAsync(file));
    }

    [NixTheory]
    [InlineData("html")]
    [InlineData("mermaid")]
    [InlineData("dot")]
    public async Task App_prints_what_graph_prints(string format)
    {
        using var dir = await GenerateAsync();

        var run = await RunAsync(await NixScriptAsync(dir), ["--format", format]);

        Assert.Equal((0, await GraphAsync(dir, format), ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    private static (WorkspaceGraph Graph, WorkspaceModel Model) Example()
    {
        var load = WorkspaceLoader.Load(Path.Combine(RepositoryPaths.Examples, "microservices", "procurator.csx"), null, Scripting.EvaluationOptions.Default);
        return (WorkspaceGraph.From(load.Model!), load.Model!);
    }

    private static string Script(WorkspaceGraph graph, WorkspaceModel model) =>
        string.Join('\n', FlakeViewModel.VisualizeScript(graph, model));

    /// <summary>The example, generated into a folder of its own.</summary>
    private static async Task<TempDirectory> GenerateAsync()
    {
        var dir = new TempDirectory("microservices");
        dir.CopyFrom(Path.Combine(RepositoryPaths.Examples, "microservices"));
        File.Delete(dir.Combine("flake.lock"));
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        return dir;
    }

    /// <summary>The app's script as Nix evaluates it: the stub's writeShellScript gives the store path, a newline, the text.</summary>
    private static async Task<string> NixScriptAsync(TempDirectory dir)
    {
        var app = (await NixCli.Require().EvalJsonAsync(dir.Path, $"apps.{System}.visualize", "a: { inherit (a) type program; }")).EnsureSuccess().Json();
        Assert.Equal("app", app.GetProperty("type").GetString());
        var program = app.GetProperty("program").GetString()!;
        return program[(program.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    private static async Task<string> GraphAsync(TempDirectory dir, string format)
    {
        var graph = await CliRun.InAsync(dir.Path, "graph", "--format", format);
        Assert.Equal(0, graph.ExitCode);
        return graph.Stdout;
    }

    /// <summary>A folder holding only what the script runs besides shell builtins: no opener.</summary>
    private static string Tools(TempDirectory tmp, string name)
    {
        var bin = tmp.Combine(name);
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "mktemp", "uname" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, tool), NixCli.FindExecutable(tool) ?? throw new InvalidOperationException($"{tool} not found on PATH"));
        }

        return bin;
    }

    private static string PathOf(params string[] folders) => string.Join(Path.PathSeparator, folders);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, string[] args, string? path = null, string? tmp = null)
    {
        var start = new ProcessStartInfo(NixCli.FindExecutable("bash") ?? "/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("visualize");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        if (tmp is not null)
        {
            Directory.CreateDirectory(tmp);
            start.Environment["TMPDIR"] = tmp;
        }

        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await stdout, await stderr);
    }
}
