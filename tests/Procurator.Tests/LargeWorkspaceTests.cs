using System.Text.Json;
using Procurator.Rendering;
using Procurator.Tests.Support;
using Scriban.Runtime;

namespace Procurator.Tests;

/// <summary>
/// Output has no size limit: Scriban's defaults cut everything past 1 MiB and appended "...",
/// so a flake of 1,000 projects or more was written cut, with exit 0.
/// </summary>
public sealed class LargeWorkspaceTests
{
    private const int Projects = 10_000;

    // Ten thousand projects, each with a process, env, a port and dependencies, as a loop: the
    // script compiles in seconds (a generated script of 110,000 lines would take a minute).
    private const string LoopScript = """
        Workspace.Name("synthetic").Systems("x86_64-linux", "aarch64-linux");
        for (var s = 0; s < 200; s++)
        {
            Service($"svc-{s:D3}").Kind(s % 2 == 0 ? "postgres" : "redis").Version(s % 2 == 0 ? "15" : "7").Port(40000 + s);
        }

        for (var i = 0; i < 10000; i++)
        {
            var project = Project($"api-{i:D5}", $"./projects/api-{i:D5}")
                .DependsOn($"svc-{i % 200:D3}")
                .Port(20000 + i)
                .Env("LOG_LEVEL", "info")
                .Env("GREETING", $"hello \"{i}\" ${i} ''")
                .Process("web", $"serve --port {20000 + i}");
            if (i > 0)
            {
                project.DependsOn($"api-{i - 1:D5}");
            }
        }

        Shell("backend", "api-00000", "api-09999");
        """;

    [NixFact]
    public async Task A_workspace_of_ten_thousand_projects_gets_a_whole_flake_and_model()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory("synthetic");
        dir.Write("procurator.csx", LoopScript);

        var run = await CliRun.InAsync(dir.Path, "run", "--timeout", "600");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"{Projects} projects, 200 services", run.Stdout);
        var flake = File.ReadAllText(dir.Combine("flake.nix"));
        Assert.True(flake.Length > 10_000_000, $"flake.nix is {flake.Length} characters");
        Assert.EndsWith("    };\n}\n", flake);
        var parsed = await nix.ParseAsync(dir.Combine("flake.nix"));
        Assert.True(parsed.ExitCode == 0, parsed.Stderr);
        using var model = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("procurator.json")));
        var projects = model.RootElement.GetProperty("projects");
        Assert.Equal(Projects, projects.GetArrayLength());
        Assert.Equal("api-09999", projects[Projects - 1].GetProperty("name").GetString());
    }

    [Fact]
    public void A_template_past_the_old_limits_renders_whole()
    {
        // Past each old default: one value over 1 MiB (LimitToString), over 1 MiB of output in
        // all (OutputLimit) and more than 1,000 loop iterations (LoopLimit).
        using var dir = new TempDirectory();
        dir.Write("big.scriban", "{{ value }}\n{{ for i in 1..200000 }}0123456789{{ end }}\n");
        var value = new string('x', 3 * 1024 * 1024);

        var text = new TemplateSource(dir.Path).Render("big.scriban", new ScriptObject { ["value"] = value });

        Assert.Equal(value.Length + 1 + 2_000_000 + 1, text.Length);
        Assert.StartsWith(value + "\n0123456789", text);
        Assert.EndsWith("0123456789\n", text);
    }

    [Fact]
    public void Recursion_past_the_limit_is_an_error_not_a_cut()
    {
        using var dir = new TempDirectory();
        dir.Write("deep.scriban", "{{ func f(n); ret f(n + 1); end; f 0 }}");

        var error = Assert.Throws<RenderingException>(() => new TemplateSource(dir.Path).Render("deep.scriban", new ScriptObject()));

        Assert.Contains("deep.scriban' failed to render", error.Message);
    }

    [Fact]
    public void A_cut_flake_is_refused_before_it_is_written()
    {
        var error = Assert.Throws<RenderingException>(() => GeneratedFileCheck.Nix("flake.nix", "{\n  description = \"big workspace...\n"));
        Assert.Equal(
            "generated flake.nix does not parse as Nix at line 3, column 1: unexpected end of file in the string opened at line 2, column 17",
            error.Message);
    }

    [Fact]
    public void A_cut_model_is_refused_before_it_is_written()
    {
        var error = Assert.Throws<RenderingException>(() => GeneratedFileCheck.Json("procurator.json", "{\n  \"projects\": [\n    \"a..."));
        Assert.StartsWith("generated procurator.json does not parse as JSON at line 3, column ", error.Message);
    }

    [Fact]
    public void A_broken_workflow_is_refused_before_it_is_written()
    {
        var error = Assert.Throws<RenderingException>(() => GeneratedFileCheck.Yaml("GitHub workflow", "jobs:\n  check: [a, b\n"));
        Assert.StartsWith("generated GitHub workflow does not parse as YAML at line ", error.Message);
    }
}
