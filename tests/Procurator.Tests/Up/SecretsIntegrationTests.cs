using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests.Up;

/// <summary>
/// Secrets end to end: <c>up -d</c> reads them from its environment, <c>.env</c> and a command;
/// the process gets all three; no generated file, state file, log or <c>status</c> holds a value,
/// even when the process prints one.
/// </summary>
public sealed class SecretsIntegrationTests : IDisposable
{
    private const string FromEnvironment = "gamma-secret-5150";
    private const string FromDotEnv = "alpha-secret-7731";
    private const string FromCommand = "beta-secret-9922";

    private readonly string _workspace = Directory.CreateTempSubdirectory("procurator-secrets-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("procurator-secrets-state-").FullName;

    public void Dispose()
    {
        Cli("down").GetAwaiter().GetResult();
        Directory.Delete(_workspace, recursive: true);
        Directory.Delete(_state, recursive: true);
    }

    [RequiresToolFact("setsid", "sh", "sha256sum")]
    public async Task Up_gives_a_process_its_secrets_from_environment_dot_env_and_command_and_writes_none_of_them()
    {
        // The values live only in .env, a file the command reads, and up's environment: the process prints their digest.
        File.WriteAllText(Path.Combine(_workspace, ".env"), $"# local secrets\nALPHA='{FromDotEnv}'\n");
        File.WriteAllText(Path.Combine(_workspace, "beta.txt"), FromCommand + "\n");
        File.WriteAllText(Path.Combine(_workspace, "procurator.csx"), """
            Project("api", ".")
                .Secret("ALPHA").Secret("BETA", fromCommand: "cat beta.txt").Secret("GAMMA")
                .Process("web", "echo \"leaked: $BETA\"; printf '%s|%s|%s' \"$ALPHA\" \"$BETA\" \"$GAMMA\" | sha256sum | cut -c1-16; exec sleep 600");
            """);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{FromDotEnv}|{FromCommand}|{FromEnvironment}")))[..16];

        var run = await Cli("run");
        var up = await Cli("up", "-d", "--wait");
        var status = await Cli("status", "--json");
        var logs = await Cli("logs", "--no-color");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(up.ExitCode == 0, up.Stderr);
        Assert.Contains($"api | {digest}", logs.Stdout);
        Assert.Contains("api | leaked: ***", logs.Stdout); // a process that prints a secret has it masked
        var outputs = new[] { run, up, status, logs }.SelectMany(r => new[] { r.Stdout, r.Stderr });
        var files = Directory.EnumerateFiles(_workspace, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not (".env" or "beta.txt"))
            .Concat(Directory.EnumerateFiles(_state, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sock", StringComparison.Ordinal)))
            .ToArray();
        Assert.Contains(files, f => f.EndsWith("flake.nix", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("api.log", StringComparison.Ordinal));
        foreach (var value in new[] { FromEnvironment, FromDotEnv, FromCommand })
        {
            Assert.DoesNotContain(outputs, text => text.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(files, file => File.ReadAllText(file).Contains(value, StringComparison.Ordinal));
        }
    }

    [RequiresToolFact("setsid", "sh")]
    public async Task A_missing_secret_blocks_only_its_project_with_a_located_message_naming_where_up_looked()
    {
        File.WriteAllText(Path.Combine(_workspace, "procurator.csx"), """
            Project("docs", ".").Process("site", "exec sleep 600");

            Project("api", ".")
                .Secret("PAYMENTS_KEY")
                .Process("web", "exec sleep 600");
            """);

        var wait = await Cli("up", "--wait");

        Assert.Equal(1, wait.ExitCode);
        var missing = $"project 'api': secret PAYMENTS_KEY is not set: export it, or put it in {_workspace}/.env (git-ignored), or give it a command: Secret(\"PAYMENTS_KEY\", fromCommand: \"...\")";
        Assert.Single(wait.Stderr.Split('\n'), l => l == $"procurator.csx(3,1): error PRO083: {missing}");
        Assert.Contains($"procurator: api blocked: {missing}\n", wait.Stderr);
        var status = await Cli("status", "--json");
        using var report = System.Text.Json.JsonDocument.Parse(status.Stdout);
        Assert.Equal(["api blocked", "docs ready"],
            report.RootElement.GetProperty("units").EnumerateArray().Select(u => $"{u.GetProperty("name").GetString()} {u.GetProperty("state").GetString()}").Order(StringComparer.Ordinal));
    }

    private Task<ProcessRun> Cli(params string[] args) =>
        ProcessRun.InAsync(_workspace, new Dictionary<string, string> { [StatePaths.Variable] = _state, ["GAMMA"] = FromEnvironment }, args);
}
