using CsCheck;
using Procurator.Kinds;
using Procurator.Model;
using Procurator.Output;
using Procurator.Output.Export;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests.Export;

/// <summary>
/// Generated workspaces (projects with processes, tasks, ports, every kind of health check, images
/// named or built by the flake, dependencies with every condition; services of every kind) export
/// to Kubernetes objects that the official client's models load strictly and that have valid names,
/// and to a compose file that parses.
/// </summary>
public sealed class ExportPropertyTests
{
    private static readonly string[] Words = ["api", "web", "worker", "billing", "auth", "search", "mailer", "edge", "shop-db", "jobs2"];

    /// <summary>A workspace from <paramref name="seed"/>; dependencies point only at earlier items, so there is no cycle.</summary>
    internal static WorkspaceModel Generate(int seed)
    {
        var random = new Random(seed);
        var kinds = ServiceKindCatalogue.All;
        var services = new List<ServiceModel>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var port = 7000;
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var kind = kinds[random.Next(kinds.Count)];
            var name = used.Add(kind.Name) ? kind.Name : $"{kind.Name}{used.Count}";
            used.Add(name);
            HealthCheck? check = random.Next(4) switch
            {
                0 => new TcpHealthCheck(kind.DefaultPort),
                1 => new ExecHealthCheck("true") { Period = TimeSpan.FromMilliseconds(random.Next(10, 9000)), Failures = random.Next(1, 9) },
                _ => null,
            };
            services.Add(new ServiceModel(name, kind.Name, random.Next(2) == 0 ? null : $"{random.Next(1, 20)}", random.Next(2) == 0 ? kind.DefaultPort : port++,
                new Dictionary<string, string> { ["MODE"] = "x$y \"quoted\"" }, check, Implicit: false)
            {
                Database = kind.Connection.TakesDatabase && random.Next(2) == 0 ? "app" : null,
                User = kind.Connection.TakesUser && random.Next(2) == 0 ? "app" : null,
            });
        }

        var projects = new List<ProjectModel>();
        foreach (var word in Words.Where(_ => random.Next(3) > 0))
        {
            var earlier = services.Select(s => s.Name).Concat(projects.Select(p => p.Name)).ToArray();
            var dependsOn = earlier.Where(_ => random.Next(3) == 0).Order(StringComparer.Ordinal).ToArray();
            var conditions = new SortedDictionary<string, WaitFor>(StringComparer.Ordinal);
            foreach (var dependency in dependsOn.Where(_ => random.Next(3) == 0))
            {
                conditions[dependency] = random.Next(2) == 0 ? WaitFor.Started : WaitFor.Completed;
            }

            var processes = new List<ProcessModel>();
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                processes.Add(new ProcessModel($"p{i}", $"./run {i} --say 'a $HOME \"b\"'") { OneShot = random.Next(3) == 0 });
            }

            var ports = random.Next(2) == 0 ? Array.Empty<int>() : [port++];
            HealthCheck[] checks = random.Next(5) switch
            {
                0 => [new HttpHealthCheck($"http://localhost:{port}/health?deep=1") { Timeout = TimeSpan.FromSeconds(0.3), Successes = 2 }],
                1 => [new TcpHealthCheck(port)],
                2 => [new ExecHealthCheck("test -f /tmp/ok"), new LogLineHealthCheck("ready")],
                3 => [new LogLineHealthCheck("listening on \\d+")],
                _ => [],
            };
            projects.Add(new ProjectModel(word, $"./services/{word}", null, dependsOn, [], ports,
                new Dictionary<string, string> { ["GREETING"] = "yes", ["N"] = "15", ["REF"] = services.Count > 0 ? $"${{{services[0].Name}.url}}" : "none" },
                [], processes, checks, FlakeInput: random.Next(2) == 0 ? word : null)
            {
                DependencyConditions = conditions,
                Image = random.Next(2) == 0 ? $"registry.example.com/team/{word}:1.{seed % 7}" : null,
                Replicas = random.Next(3) == 0 ? random.Next(0, 5) : null,
                Resources = random.Next(3) == 0 ? new ResourceRequest(random.Next(2) == 0 ? "250m" : null, "1Gi") : null,
            });
        }

        // Every project needs an image source: one with neither gets a flake.
        var deployable = projects.Select(p => p.Image is null && p.FlakeInput is null ? p with { FlakeInput = p.Name } : p).ToArray();
        return new WorkspaceModel($"Generated {seed}", null, "github:NixOS/nixpkgs/nixos-unstable", ["x86_64-linux"], deployable, services, [], []);
    }

    [Fact]
    public void Every_generated_workspace_exports_objects_the_Kubernetes_models_accept()
    {
        Gen.Int[0, 1_000_000].Sample(seed =>
        {
            using var dir = new TempDirectory("generated");
            var folder = Export(dir, Generate(seed), OutputTargets.Kubernetes(dir.Combine("k8s")));

            var problems = KubernetesSchema.Problems(folder);

            Assert.True(problems.Count == 0, $"seed {seed}:\n{string.Join("\n", problems)}");
        }, iter: 40);
    }

    [KubernetesModelsFact("kubectl")]
    public async Task Generated_workspaces_build_with_kubectl_kustomize_and_pass_the_official_schemas()
    {
        foreach (var seed in new[] { 1, 2, 3, 5, 8, 13, 21, 34 })
        {
            using var dir = new TempDirectory("generated");
            var folder = Export(dir, Generate(seed), OutputTargets.Kubernetes(dir.Combine("k8s")));

            var built = await KubernetesSchema.KustomizeAsync(folder);
            var schema = await KubernetesSchema.OfficialSchemaAsync(folder);

            Assert.True(built.ExitCode == 0, $"seed {seed}: {built}");
            Assert.True(schema.ExitCode == 0, $"seed {seed}: {schema.Output}");
        }
    }

    [Fact]
    public void Every_generated_workspace_exports_a_compose_file_that_parses()
    {
        Gen.Int[0, 1_000_000].Sample(seed =>
        {
            using var dir = new TempDirectory("generated");
            var compose = Export(dir, Generate(seed), OutputTargets.Compose(dir.Combine("compose", "compose.yaml")));

            var text = File.ReadAllText(Path.Combine(compose, "compose.yaml"));
            var loaded = Procurator.Compose.ComposeLoader.Load(Path.Combine(compose, "compose.yaml"),
                Procurator.Compose.ComposeLoadOptions.FromDisk(new Dictionary<string, string>()));

            Assert.True(loaded.Diagnostics.All(d => !d.IsError), $"seed {seed}:\n{string.Join("\n", loaded.Diagnostics)}\n{text}");
        }, iter: 40);
    }

    /// <summary>Renders, checks there is no error, writes: the folder written to.</summary>
    private static string Export(TempDirectory dir, WorkspaceModel model, IReadOnlyList<IOutputTarget> targets)
    {
        var context = new OutputContext(model, WorkspaceLayout.For(dir.Combine("procurator.csx"), null), dir.Path, new TemplateSource(null));
        var errors = targets.SelectMany(t => t.Problems(context)).Where(d => d.IsError).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.Message)));
        var files = OutputSet.Render(targets, context);
        var set = new OutputSet(Path.GetDirectoryName(files[0].Path)!, files);
        set.Write();
        return set.Directory;
    }
}
