using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary><c>procurator check</c> as tools read it: SARIF for code scanning, stable JSON, and the real <c>nix flake check</c>.</summary>
public sealed class CheckOutputTests
{
    private static string PoliciesExample => Path.Combine(RepositoryPaths.Examples, "policies");

    [Fact]
    public async Task Sarif_has_the_fields_code_scanning_reads()
    {
        var run = await CliRun.InAsync(PoliciesExample, "check", "--no-nix", "--format", "sarif");

        Assert.Equal((1, ""), (run.ExitCode, run.Stderr));
        using var sarif = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("procurator", sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = sarifRun.GetProperty("results").EnumerateArray().Select(r =>
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            return (
                Rule: r.GetProperty("ruleId").GetString(),
                Level: r.GetProperty("level").GetString(),
                Uri: physical.GetProperty("artifactLocation").GetProperty("uri").GetString(),
                Line: physical.GetProperty("region").GetProperty("startLine").GetInt32(),
                Text: r.GetProperty("message").GetProperty("text").GetString());
        }).ToArray();
        Assert.Equal(
            [
                ("pinned-versions", "error", "procurator.csx", 13, "service 'redis' uses the unpinned version 'latest'; pin a real version"),
                ("only-data-layer-talks-to-postgres", "error", "procurator.csx", 18, "project 'frontend' talks to postgres directly; go through a -data project"),
                ("ports-in-team-range", "error", "procurator.csx", 16, "port 8080 of project 'billing' is outside the range 7000-7999 of team payments"),
                ("forbidden-dependency", "error", "procurator.csx", 18, "project 'frontend' may not depend on 'postgres' (rule: frontend -/-> postgres)"),
            ],
            results);
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(["forbidden-dependency", "only-data-layer-talks-to-postgres", "pinned-versions", "ports-in-team-range"], rules);
    }

    [Fact]
    public async Task Json_output_is_stable_across_runs()
    {
        var first = await CliRun.InAsync(PoliciesExample, "check", "--no-nix", "--format", "json");
        var second = await CliRun.InAsync(PoliciesExample, "check", "--no-nix", "--format", "json");

        Assert.Equal(first, second);
        using var json = JsonDocument.Parse(first.Stdout);
        Assert.Equal(4, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
    }

    [NixFact]
    public async Task Nix_flake_check_runs_on_the_master_flake()
    {
        NixCli.Require();
        using var dir = new TempDirectory();
        dir.CopyFrom(Path.Combine(RepositoryPaths.Examples, "microservices"));
        var stub = $"nixpkgs=path:{Path.Combine(RepositoryPaths.Tests, "NixDerivationStub")}";

        var procurator = $"procurator=path:{Path.Combine(RepositoryPaths.Tests, "ProcuratorStub")}";

        var passing = await CliRun.InAsync(dir.Path, "check", "--override-input", stub, "--override-input", procurator);
        File.WriteAllText(dir.Combine("services", "api", "flake.nix"), "{ outputs = { self }: throw \"api's flake is broken\"; }\n");
        var failing = await CliRun.InAsync(dir.Path, "check", "--override-input", stub, "--override-input", procurator);

        Assert.Equal((0, ""), (passing.ExitCode, passing.Stderr));
        Assert.Equal(1, failing.ExitCode);
        Assert.StartsWith("flake.nix(1,1): error PRO025: nix flake check failed (exit 1):", failing.Stderr);
    }
}
