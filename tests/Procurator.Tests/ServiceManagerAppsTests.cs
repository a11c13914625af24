using System.Diagnostics;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// The master flake's <c>up</c>, <c>down</c>, <c>status</c> and <c>logs</c> apps, evaluated by the real
/// Nix against the stubs (nixpkgs and the <c>procurator</c> input): each is an app whose script puts the
/// services' packages on PATH and runs <c>procurator</c> in the caller's folder.
/// </summary>
public sealed class ServiceManagerAppsTests
{
    private const string System = "x86_64-linux";
    private const string StorePrefix = "/nix/store/00000000000000000000000000000000-";
    private const string ServicesPath = $"export PATH={StorePrefix}postgresql_15/bin:{StorePrefix}redis/bin${{PATH:+:$PATH}}";

    [NixTheory]
    [InlineData("up", "up --model ./procurator.json \"$@\"")]
    [InlineData("down", "down \"$@\"")]
    [InlineData("status", "status \"$@\"")]
    [InlineData("logs", "logs \"$@\"")]
    public async Task App_runs_procurator_from_its_input_with_the_services_on_PATH(string command, string arguments)
    {
        using var dir = await GenerateAsync(Path.Combine(RepositoryPaths.Examples, "microservices"),
            "Workspace.ProcuratorFlake(\"git+file:///src/procurator?dir=nix/package\");\n");

        var (path, script) = await EvalAppAsync(dir, command);

        Assert.Equal(StorePrefix + "procurator-" + command, path);
        Assert.Equal(
        [
            "set -eu",
            $"if [ ! -f procurator.json ]; then echo \"procurator-{command}: no procurator.json in $PWD; run this in the workspace folder (beside flake.nix)\" >&2; exit 1; fi",
            ServicesPath,
            $"exec {StorePrefix}procurator/bin/procurator {arguments}",
        ], script.Split('\n'));
    }

    [NixFact]
    public async Task Without_a_procurator_flake_the_apps_use_procurator_from_PATH()
    {
        using var dir = new TempDirectory("no-input");
        dir.Write("procurator.csx", """
            Workspace.Systems("x86_64-linux");
            Service("cache").Kind("redis");
            Service("custom").Command("my-server --port 9999").Port(9999);
            """);
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);

        var (_, script) = await EvalAppAsync(dir, "up");

        Assert.DoesNotContain("procurator", await InputNamesAsync(dir));
        Assert.Equal(
        [
            "set -eu",
            "if [ ! -f procurator.json ]; then echo \"procurator-up: no procurator.json in $PWD; run this in the workspace folder (beside flake.nix)\" >&2; exit 1; fi",
            $"export PATH={StorePrefix}redis/bin${{PATH:+:$PATH}}",
            "if ! command -v procurator >/dev/null 2>&1; then echo 'procurator-up: procurator is not on PATH; install it (scripts/install-tool.sh in a clone of Procurator), or name a flake that provides it with Workspace.ProcuratorFlake(...) in the script' >&2; exit 127; fi",
            "exec procurator up --model ./procurator.json \"$@\"",
        ], script.Split('\n'));
    }

    [NixFact]
    public async Task Script_outside_the_workspace_folder_says_where_to_run_it()
    {
        using var dir = await GenerateAsync(Path.Combine(RepositoryPaths.Examples, "microservices"));
        var (_, script) = await EvalAppAsync(dir, "up");
        using var elsewhere = new TempDirectory("elsewhere");

        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, WorkingDirectory = elsewhere.Path };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var bash = Process.Start(start)!;
        var stderr = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal((1, $"procurator-up: no procurator.json in {elsewhere.Path}; run this in the workspace folder (beside flake.nix)\n"), (bash.ExitCode, stderr));
    }

    [Theory]
    [InlineData("postgres", "15", "postgresql_15")]
    [InlineData("postgres", "16.2", "postgresql_16")]
    [InlineData("postgres", null, "postgresql")]
    [InlineData("postgres", "latest", "postgresql")]
    [InlineData("redis", "7", "redis")]
    [InlineData("mysql", null, "mysql80")]
    [InlineData("mysql", "8.4", "mysql84")]
    [InlineData("mariadb", "10.11", "mariadb_1011")]
    [InlineData("mariadb", null, "mariadb")]
    [InlineData("mongodb", "7.0", "mongodb-7_0")]
    [InlineData("kafka", null, "apacheKafka")]
    [InlineData("rabbitmq", null, "rabbitmq-server")]
    [InlineData("nats", null, "nats-server")]
    [InlineData("unknown", "1", null)]
    [InlineData(null, null, null)]
    public void Service_kind_and_version_name_a_nixpkgs_attribute(string? kind, string? version, string? attribute) =>
        Assert.Equal(attribute, ServicePackages.For(kind, version));

    private static async Task<TempDirectory> GenerateAsync(string workspace, string scriptTail = "")
    {
        var dir = new TempDirectory(Path.GetFileName(workspace));
        dir.CopyFrom(workspace);
        File.AppendAllText(dir.Combine("procurator.csx"), scriptTail);
        File.Delete(dir.Combine("flake.lock"));
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        return dir;
    }

    /// <summary>The app's store path and script: the stub's writeShellScript appends the text after a newline.</summary>
    private static async Task<(string Path, string Script)> EvalAppAsync(TempDirectory dir, string command)
    {
        var app = (await NixCli.Require().EvalJsonAsync(dir.Path, $"apps.{System}.{command}", "a: { inherit (a) type program; }")).EnsureSuccess().Json();
        Assert.Equal("app", app.GetProperty("type").GetString());
        var program = app.GetProperty("program").GetString()!;
        var newline = program.IndexOf('\n', StringComparison.Ordinal);
        return (program[..newline], program[(newline + 1)..]);
    }

    private static async Task<string[]> InputNamesAsync(TempDirectory dir)
    {
        var flake = await File.ReadAllTextAsync(dir.Combine("flake.nix"));
        var inputs = flake[flake.IndexOf("inputs = {", StringComparison.Ordinal)..flake.IndexOf("outputs =", StringComparison.Ordinal)];
        return inputs.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(".url", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('.', StringComparison.Ordinal)]).ToArray();
    }
}
