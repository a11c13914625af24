using Procurator.Tests.Support;

namespace Procurator.Tests.Export;

/// <summary>Deploy rules in <c>procurator check</c>: the built-ins and one written in C# over the export's settings.</summary>
public sealed class DeployPolicyTests
{
    [Fact]
    public async Task Check_enforces_readiness_probes_pinned_images_and_a_deploy_rule_written_in_CSharp()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", """
            Use("deploy-readiness-probes");
            Use("pinned-images");
            Policy("two-replicas", (workspace, report) =>
            {
                foreach (var p in workspace.Projects.Where(p => p.Image is not null && (p.Replicas ?? 1) < 2))
                    report.Error(p, $"{p.Name} runs fewer than two replicas");
            });
            Project("api").Image("registry.example.com/api:latest").Replicas(2).Process("web", "./api").HealthCheck(Http("http://localhost:8080/health"));
            Project("worker").Image("registry.example.com/worker").Process("jobs", "./worker").HealthCheck(LogLine("ready"));
            Project("ok").Image("registry.example.com/ok:1.2").Replicas(3).Process("web", "./ok").HealthCheck(Tcp(9000));
            Project("migrate").Image("registry.example.com/migrate@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").Replicas(2).Task("up", "dbmate up");
            """);

        var run = await CliRun.InAsync(dir.Path, "check", "--no-nix");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "procurator.csx(8,1): error pinned-images: project 'api' deploys the unpinned image 'registry.example.com/api:latest'; name a version tag or a digest\n" +
            "procurator.csx(9,1): error deploy-readiness-probes: project 'worker' has no health check an export can make a readiness probe of; add .HealthCheck(Http(...)), Tcp(...) or Exec(...)\n" +
            "procurator.csx(9,1): error pinned-images: project 'worker' deploys the unpinned image 'registry.example.com/worker'; name a version tag or a digest\n" +
            "procurator.csx(9,1): error two-replicas: worker runs fewer than two replicas\n",
            string.Concat(run.Stderr.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) && !l.Contains("PRO", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(l => l + "\n")));
    }
}
