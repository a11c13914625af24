using Procurator.Model;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Planning;
using Procurator.Supervisor.Planning.Presets;
using Procurator.Supervisor.Planning.Secrets;
using static Procurator.Supervisor.Tests.Planning.Workspaces;

namespace Procurator.Supervisor.Tests.Planning;

/// <summary>Where <c>up</c> reads a secret from (environment, then .env, then its command), and what a unit gets.</summary>
public sealed class SecretSourceTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("secrets-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public void The_environment_wins_over_dot_env_which_wins_over_the_command()
    {
        File.WriteAllText(Path.Combine(_workspace, ".env"), "FROM_FILE=file-value\nBOTH=file\n");
        var environment = new Dictionary<string, string> { ["BOTH"] = "environment" };
        var source = new SecretSource(name => environment.GetValueOrDefault(name));

        Assert.Equal(new SecretValue("environment", null), source.Read(new SecretModel("BOTH", "echo command"), _workspace));
        Assert.Equal(new SecretValue("file-value", null), source.Read(new SecretModel("FROM_FILE", "echo command"), _workspace));
        Assert.Equal(new SecretValue("two\nlines", null), source.Read(new SecretModel("CMD", "printf 'two\\nlines\\n'"), _workspace));
        Assert.Equal(new SecretValue(Path.GetFileName(_workspace), null), source.Read(new SecretModel("WHERE", "basename \"$PWD\""), _workspace));
    }

    [Fact]
    public void A_missing_secret_says_every_place_it_looked_and_a_failing_command_its_exit_and_last_error_line()
    {
        File.WriteAllText(Path.Combine(_workspace, ".env"), "OTHER=1\nbroken line\n");
        var source = new SecretSource(_ => null);

        var missing = source.Read(new SecretModel("API_KEY", null), _workspace);
        var failed = source.Read(new SecretModel("API_KEY", "echo first >&2; echo 'pass: no such entry' >&2; exit 3"), _workspace);

        Assert.Equal(
            $"secret API_KEY is not set: export it, or put it in {_workspace}/.env (git-ignored), or give it a command: Secret(\"API_KEY\", fromCommand: \"...\"); {_workspace}/.env line 2: expected KEY=value",
            missing.Missing);
        Assert.Null(missing.Value);
        Assert.Equal("secret API_KEY: its command exited 3: echo first >&2; echo 'pass: no such entry' >&2; exit 3 (pass: no such entry)", failed.Missing);
    }

    [Fact]
    public void A_unit_gets_its_secrets_and_a_missing_one_is_a_problem_of_its_project()
    {
        var secrets = new Dictionary<string, string> { ["PAYMENTS_KEY"] = "k-123" };
        var model = With(
            [Project("api", processes: [Process("web", "x")]) with { Secrets = [new SecretModel("PAYMENTS_KEY", null)] },
             Project("mailer", processes: [Process("send", "y")]) with { Secrets = [new SecretModel("SMTP_PASSWORD", null)] }], []);

        var plan = UnitPlanner.Plan(model, "/ws", new StatePaths("/state/ws"), new BinaryLocator("/nothing", _ => false, _ => []), runningAsRoot: false,
            new FakeSecrets(secrets));

        Assert.Equal("k-123", plan.Units.Single(u => u.Name == "api").Command.Environment["PAYMENTS_KEY"]);
        Assert.False(plan.Units.Single(u => u.Name == "mailer").Command.Environment.ContainsKey("SMTP_PASSWORD"));
        Assert.Equal([new PlanProblem("PRO083", "mailer", "project 'mailer': SMTP_PASSWORD is missing", ProblemScope.Unit)], plan.Errors);
        Assert.Equal("project 'mailer': SMTP_PASSWORD is missing", plan.Units.Single(u => u.Name == "mailer").Blocked);
        Assert.Null(plan.Units.Single(u => u.Name == "api").Blocked);
    }

    private sealed class FakeSecrets(Dictionary<string, string> values) : ISecretSource
    {
        public SecretValue Read(SecretModel secret, string workspaceDirectory) =>
            values.TryGetValue(secret.Name, out var value) ? new(value, null) : new(null, $"{secret.Name} is missing");
    }
}
