using Procurator.Tests.Support;

namespace Procurator.Tests.Up;

/// <summary>
/// Connection info end to end with a real postgres: <c>up</c> makes the user and database the
/// script names, and a dependent reaches them through the env it gets alone, under <c>up</c>
/// and in its dev shell (the shell hook of the generated flake, evaluated by nix).
/// </summary>
public sealed partial class UpIntegrationTests
{
    [RequiresToolFact("psql", "pg_isready", "setsid", "bash", "nix")]
    public async Task A_dependent_reaches_the_named_postgres_user_and_database_through_its_env_under_up_and_in_its_dev_shell()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        var port = FreePort();
        dir.Write("app/.keep", "");
        dir.Write("procurator.csx", $$"""
            var pg = Service("postgres").Port({{port}}).Database("shop").User("clerk");
            Project("app", "./app")
                .Env("DATABASE_URL", $"{pg.Url}?application_name=app")
                .Process("web", "psql -Atc 'select current_user, current_database()'; psql \"$DATABASE_URL\" -Atc 'select current_setting($$application_name$$)'; exec sleep 1000");
            """);
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);

        for (var start = 1; start <= 2; start++)
        {
            using var up = RunningCli.Start(dir.Path, StateIn(state.Path), "up", "--no-color");
            await up.WaitUntilAsync(c => Said(c.Stdout, "app").Count >= 2, Deadline, $"app printed two lines (start {start})");
            Assert.Equal(["clerk|shop", "app"], Said(up.Stdout, "app"));

            if (start == 1)
            {
                // The dev shell's hook, as nix evaluates it, gives psql the same server, user and database.
                var hook = (await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux.app", "s: s.shellHook")).EnsureSuccess().Json().GetString()!;
                Assert.Contains($"export PGPORT='{port}'", hook, StringComparison.Ordinal);
                var shell = await ToolProcess.RunAsync("bash", ["-c", hook + "\npsql -Atc 'select current_user, current_database()'"], dir.Path);
                Assert.True(shell.ExitCode == 0, shell.Stderr);
                Assert.Equal("clerk|shop\n", shell.Stdout);
            }

            up.Interrupt();
            Assert.Equal(0, await up.WaitForExitAsync(Deadline));
        }
    }
}
