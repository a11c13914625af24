using Procurator.Tests.Support;

namespace Procurator.Tests.Export;

/// <summary>
/// <c>procurator export kubernetes</c>: golden folders for the bundled example and a workspace of
/// every feature, built by the real <c>kubectl kustomize</c> and checked object by object against
/// the official client's models; connection variables; the located errors.
/// </summary>
public sealed class KubernetesExportTests
{
    private static string GoldenFolder(string name) => Path.Combine(RepositoryPaths.Tests, "ExportGolden", "kubernetes", name);

    /// <summary>The example or test workspace in a fresh folder; the cases workspace gets a flake for worker.</summary>
    internal static TempDirectory Workspace(string name)
    {
        var workspace = new TempDirectory(name);
        workspace.CopyFrom(name == "cases" ? Path.Combine(RepositoryPaths.Tests, "ExportGolden", "cases") : Path.Combine(RepositoryPaths.Examples, name));
        if (name == "cases")
        {
            workspace.Write("worker/flake.nix", "{ outputs = { self }: { }; }\n");
            Directory.CreateDirectory(workspace.Combine("api"));
            Directory.CreateDirectory(workspace.Combine("migrate"));
        }

        return workspace;
    }

    internal static async Task<string> ExportAsync(TempDirectory workspace, string folder = "out")
    {
        var run = await CliRun.InAsync(workspace.Path, "export", "kubernetes", "-o", folder);
        Assert.True(run.ExitCode == 0, $"export failed ({run.ExitCode}):\n{run.Stderr}{run.Stdout}");
        return workspace.Combine(folder);
    }

    [Theory]
    [InlineData("microservices")]
    [InlineData("cases")]
    public async Task Export_matches_its_golden_folder_and_is_deterministic(string name)
    {
        using var workspace = Workspace(name);

        var first = await ExportAsync(workspace, "first");
        var second = await ExportAsync(workspace, "second");

        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first, file!)), File.ReadAllText(Path.Combine(second, file!)));
            Golden.AssertMatches(Path.Combine(GoldenFolder(name), file!), File.ReadAllText(Path.Combine(first, file!)));
        }

        if (!RepositoryPaths.UpdateGolden)
        {
            Assert.Equal(Directory.GetFiles(GoldenFolder(name)).Select(Path.GetFileName).Order(StringComparer.Ordinal), files);
        }
    }

    [RequiresToolTheory("kubectl")]
    [InlineData("microservices")]
    [InlineData("cases")]
    public async Task Exported_folder_builds_with_kubectl_kustomize(string name)
    {
        using var workspace = Workspace(name);
        var folder = await ExportAsync(workspace);

        var built = await KubernetesSchema.KustomizeAsync(folder);

        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Equal(Directory.GetFiles(folder, "*.yaml").Length - 1, KubernetesSchema.CountDocuments(built.Stdout));
    }

    [Theory]
    [InlineData("microservices")]
    [InlineData("cases")]
    public async Task Every_exported_object_validates_against_the_Kubernetes_models(string name)
    {
        using var workspace = Workspace(name);
        var folder = await ExportAsync(workspace);

        Assert.Empty(KubernetesSchema.Problems(folder));
    }

    [Fact]
    public void Client_model_check_catches_an_unknown_field_and_a_wrong_shape()
    {
        const string Head = "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n";

        Assert.Empty(KubernetesSchema.ProblemsOf(Head + "spec:\n  ports:\n    - port: 80\n"));
        Assert.Contains("does not load", Assert.Single(KubernetesSchema.ProblemsOf(Head + "spec:\n  portz:\n    - port: 80\n")));
        Assert.Contains("does not load", Assert.Single(KubernetesSchema.ProblemsOf(Head + "spec:\n  ports:\n    port: 80\n")));
    }

    [KubernetesModelsTheory]
    [InlineData("microservices")]
    [InlineData("cases")]
    public async Task Every_exported_object_validates_against_the_official_schemas(string name)
    {
        using var workspace = Workspace(name);
        var folder = await ExportAsync(workspace);

        Assert.Equal((0, ""), await KubernetesSchema.OfficialSchemaAsync(folder));
    }

    [KubernetesModelsFact]
    public async Task Official_schema_check_catches_a_missing_container_name_and_a_quoted_port()
    {
        using var folder = new TempDirectory("bad");
        folder.Write("deployment-x.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  selector: {}\n  template:\n    spec:\n      containers:\n        - image: x\n");
        folder.Write("service-x.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n    - port: \"80\"\n");

        var (exitCode, output) = await KubernetesSchema.OfficialSchemaAsync(folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "deployment-x.yaml: data/spec/template/spec/containers/0 must have required property name\n" +
            "service-x.yaml: data/spec/ports/0/port must be integer\n",
            output);
    }

    [Fact]
    public async Task Dependent_gets_the_connection_variables_of_up_with_the_Service_name_and_port()
    {
        using var workspace = Workspace("cases");
        var folder = await ExportAsync(workspace);

        var env = KubernetesSchema.Canonical(File.ReadAllText(Path.Combine(folder, "configmap-api-env.yaml")));
        var service = KubernetesSchema.Canonical(File.ReadAllText(Path.Combine(folder, "service-db.yaml")));

        Assert.Contains(".data.DB_HOST = db", env.Split('\n'));
        Assert.Contains(".data.DB_PORT = 6543", env.Split('\n'));
        Assert.Contains(".data.DB_URL = postgresql://shop@db:6543/shop", env.Split('\n'));
        Assert.Contains(".data.DB_USER = shop", env.Split('\n'));
        Assert.Contains(".data.DB_DATABASE = shop", env.Split('\n'));
        Assert.Contains(".data.PGHOST = db", env.Split('\n'));
        Assert.Contains(".data.DATABASE_URL = postgresql://shop@db:6543/shop?sslmode=disable", env.Split('\n'));
        Assert.Contains(".data.CACHE_URL = redis://cache:6379/0", env.Split('\n'));
        Assert.Contains(".metadata.name = db", service.Split('\n'));
        Assert.Contains(".spec.ports[0].port = 6543", service.Split('\n'));
        Assert.Contains(".spec.ports[0].targetPort = 5432", service.Split('\n'));
    }

    [Fact]
    public async Task Project_without_an_image_source_fails_at_its_script_line_and_nothing_is_written()
    {
        using var workspace = new TempDirectory("shop");
        workspace.Write("procurator.csx", "Service(\"postgres\");\n\nProject(\"api\").DependsOn(\"postgres\").Port(8080).Process(\"web\", \"./api\");\nProject(\"ok\").Image(\"ok:1\");\n");

        var run = await CliRun.InAsync(workspace.Path, "export", "kubernetes", "-o", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(
            "procurator.csx(3,1): error PRO092: project 'api' has no image to deploy: name one with .Image(\"registry.example.com/api:1.0\"), or give its folder (./api) a flake.nix for the master flake to build packages.<system>.api-image from\n",
            run.Stderr);
        Assert.False(Directory.Exists(workspace.Combine("out")));
    }

    [Fact]
    public async Task Log_line_check_and_a_kind_without_an_image_are_warnings_at_their_lines()
    {
        using var workspace = Workspace("cases");

        var run = await CliRun.InAsync(workspace.Path, "export", "kubernetes", "-o", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "procurator.csx(6,1): warning PRO093: service 'blob' is not exported: its kind has no image that runs unattended (its image needs a command (server /data), which GitHub service containers cannot pass); deploy it yourself under the name 'blob'\n" +
            "procurator.csx(23,6): warning PRO093: worker: log-line health check /worker ready/ has no Kubernetes probe; none is set\n",
            run.Stderr);
    }

    [Fact]
    public async Task A_file_Procurator_did_not_write_is_refused_without_force()
    {
        using var workspace = Workspace("microservices");
        workspace.Write("out/deployment-api.yaml", "kind: Deployment # mine\n");

        var refused = await CliRun.InAsync(workspace.Path, "export", "kubernetes", "-o", "out");
        var writtenAfterRefusal = File.Exists(workspace.Combine("out", "kustomization.yaml"));
        var forced = await CliRun.InAsync(workspace.Path, "export", "kubernetes", "-o", "out", "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error PRO047: out/deployment-api.yaml was not written by Procurator", refused.Stderr);
        Assert.False(writtenAfterRefusal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Generated by Procurator", File.ReadAllText(workspace.Combine("out", "deployment-api.yaml")));
    }

    [Fact]
    public async Task Bad_image_replicas_and_resources_are_located_errors()
    {
        using var workspace = new TempDirectory("shop");
        workspace.Write("procurator.csx",
            "Project(\"api\")\n    .Image(\"Registry/API:1.4\")\n    .Replicas(-1)\n    .Resources(cpu: \"lots\");\n");

        var run = await CliRun.InAsync(workspace.Path, "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "procurator.csx(2,6): error PRO090: Image(\"Registry/API:1.4\") of project 'api' is not an image reference such as registry.example.com/team/api:1.4: 'Registry' must be lower-case letters and digits, separated by '.', '_', '__' or '-'\n" +
            "procurator.csx(3,6): error PRO091: Replicas(-1) of project 'api' must be between 0 and 1000\n" +
            "procurator.csx(4,6): error PRO091: cpu of project 'api' 'lots' is not a Kubernetes quantity such as 250m or 1\n",
            string.Concat(run.Stderr.Split('\n').Where(l => l.Contains("error PRO", StringComparison.Ordinal)).Select(l => l + "\n")));
    }
}
