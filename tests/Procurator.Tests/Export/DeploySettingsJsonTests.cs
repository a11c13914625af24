using System.Text;
using Procurator.Model;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests.Export;

/// <summary><c>.Image</c>, <c>.Replicas</c> and <c>.Resources</c> through <c>procurator.json</c> and back.</summary>
public sealed class DeploySettingsJsonTests
{
    [Fact]
    public async Task Deploy_settings_round_trip_through_procurator_json()
    {
        using var workspace = new TempDirectory("shop");
        workspace.Write("procurator.csx",
            "Project(\"api\").Image(\"registry.example.com/api:1.4\").Replicas(3).Resources(cpu: \"250m\", memory: \"256Mi\");\n" +
            "Project(\"web\").Resources(memory: \"1Gi\");\nProject(\"plain\");\n");

        var eval = await CliRun.InAsync(workspace.Path, "eval", "--json");
        var (model, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes(eval.Stdout));

        Assert.Empty(diagnostics);
        Assert.Equal(
            [("api", "registry.example.com/api:1.4", 3, new ResourceRequest("250m", "256Mi")), ("plain", null, null, null), ("web", null, null, new ResourceRequest(null, "1Gi"))],
            model!.Projects.Select(p => (p.Name, p.Image, p.Replicas, p.Resources)).ToArray());
        Assert.Equal(eval.Stdout, ModelJson.Serialize(model));
        Assert.Contains("\"image\": \"registry.example.com/api:1.4\",\n      \"replicas\": 3,\n      \"resources\": {\n        \"cpu\": \"250m\",\n        \"memory\": \"256Mi\"\n      }", eval.Stdout);
    }

    [Fact]
    public void An_edited_model_file_with_a_bad_image_or_replicas_is_refused_with_run_s_codes()
    {
        var json = """
            {"schemaVersion": 1, "workspace": {"name": "w", "nixpkgs": "n", "systems": ["x86_64-linux"]},
             "projects": [{"name": "api", "path": "./api", "dependsOn": [], "buildDependsOn": [], "ports": [], "env": {}, "packages": [],
               "processes": [], "healthChecks": [], "checks": [], "flakeInput": null, "image": "Bad Image", "replicas": 5000}],
             "services": [], "externals": [], "shells": [], "teams": []}
            """;

        var (model, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(model);
        Assert.Equal(["PRO090", "PRO091"], diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
    }
}
