using System.Text;
using Procurator.Ci;
using Procurator.Model;
using Procurator.Output.Export;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests.Export;

/// <summary>
/// <c>procurator export compose</c>: golden files, and the file read back by <c>import compose</c>
/// into the same projects, services, ports, dependencies and health checks.
/// </summary>
public sealed class ComposeExportTests
{
    [Theory]
    [InlineData("microservices")]
    [InlineData("cases")]
    public async Task Compose_export_matches_its_golden_file_and_is_deterministic(string name)
    {
        using var workspace = KubernetesExportTests.Workspace(name);

        var first = await CliRun.InAsync(workspace.Path, "export", "compose", "-o", "first/compose.yaml");
        var second = await CliRun.InAsync(workspace.Path, "export", "compose", "-o", "second/compose.yaml");

        Assert.True(first.ExitCode == 0, first.Stderr);
        var text = File.ReadAllText(workspace.Combine("first", "compose.yaml"));
        Assert.Equal(text, File.ReadAllText(workspace.Combine("second", "compose.yaml")));
        Golden.AssertMatches(Path.Combine(RepositoryPaths.Tests, "ExportGolden", "compose", $"{name}.yaml"), text);
    }

    [Theory]
    [InlineData("microservices")]
    [InlineData("cases")]
    public async Task Compose_export_imports_back_to_the_same_projects_services_ports_dependencies_and_health_checks(string name)
    {
        using var workspace = KubernetesExportTests.Workspace(name);
        var exported = await CliRun.InAsync(workspace.Path, "export", "compose", "-o", "deploy/compose.yaml");
        Assert.True(exported.ExitCode == 0, exported.Stderr);

        var imported = await CliRun.InAsync(workspace.Path, "import", "compose", "deploy/compose.yaml", "--format", "csx", "-o", "imported.csx");
        Assert.True(imported.ExitCode == 0, imported.Stderr);

        var original = await ModelAsync(workspace, "procurator.csx");
        var back = await ModelAsync(workspace, "imported.csx");
        Assert.Equal(Summary(original, exportedOnly: true), Summary(back, exportedOnly: false));
    }

    [Fact]
    public async Task Project_without_an_image_source_fails_the_compose_export_at_its_line()
    {
        using var workspace = new TempDirectory("shop");
        workspace.Write("procurator.csx", "Project(\"ok\").Image(\"ok:1\");\n\nProject(\"api\").Port(8080);\n");

        var run = await CliRun.InAsync(workspace.Path, "export", "compose", "-o", "compose.yaml");

        Assert.Equal((1, false), (run.ExitCode, File.Exists(workspace.Combine("compose.yaml"))));
        Assert.StartsWith("procurator.csx(3,1): error PRO092: project 'api' has no image to deploy", run.Stderr);
    }

    private static async Task<WorkspaceModel> ModelAsync(TempDirectory workspace, string script)
    {
        var eval = await CliRun.InAsync(workspace.Path, "eval", script, "--json");
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        var (model, diagnostics) = ModelJsonReader.Read(script, Encoding.UTF8.GetBytes(eval.Stdout));
        Assert.Empty(diagnostics);
        return model!;
    }

    /// <summary>
    /// What the round trip keeps, one line per fact. With <paramref name="exportedOnly"/>, what the
    /// export leaves out (with a warning) is left out here too: services without an image, log-line checks.
    /// </summary>
    private static string Summary(WorkspaceModel model, bool exportedOnly)
    {
        var lines = new List<string>();
        var kept = model.Services.Where(s => !exportedOnly || ServiceWorkload.For(s) is not null).Select(s => s.Name).ToHashSet();
        foreach (var project in model.Projects)
        {
            var checks = project.HealthChecks.Where(c => c is not LogLineHealthCheck).Take(1).Select(Describe);
            var dependsOn = project.DependsOn.Where(d => kept.Contains(d) || model.Projects.Any(p => p.Name == d));
            lines.Add($"project {project.Name} {project.Path} ports [{string.Join(",", project.Ports)}] dependsOn [{string.Join(",", dependsOn)}] checks [{string.Join(",", checks)}]");
        }

        foreach (var service in model.Services.Where(s => kept.Contains(s.Name)))
        {
            lines.Add($"service {service.Name} image {ServiceContainers.For(service)?.Image} port {service.Port} check {Describe(service.HealthCheck ?? KindCheck(service))}");
        }

        return string.Join("\n", lines);
    }

    /// <summary>A service without a check is checked by its kind's health command, which the export writes out.</summary>
    private static HealthCheck KindCheck(ServiceModel service) =>
        ServiceWorkload.For(service)?.HealthCommand is { } command ? new ExecHealthCheck(command) : new LogLineHealthCheck("none");

    private static string Describe(HealthCheck check) => check switch
    {
        TcpHealthCheck tcp => $"tcp {tcp.Port}",
        HttpHealthCheck http => $"http {http.Url}",
        ExecHealthCheck exec => $"exec {exec.Command}",
        _ => "none",
    };
}
