using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 13: concurrent runs into one folder leave flake.nix and procurator.json from the same run.</summary>
public sealed class RunOutputLockTests
{
    [Fact]
    public async Task Run_writes_only_while_it_holds_the_output_lock()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\", \".\");\n");
        Assert.Equal(0, (await ProcessRun.InAsync(dir.Path, null, "validate")).ExitCode);

        var (held, _) = await Procurator.Cli.Commands.OutputLock.AcquireAsync(dir.Path, TimeSpan.Zero, CancellationToken.None);
        var run = ProcessRun.InAsync(dir.Path, null, "run");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var writtenWhileHeld = File.Exists(dir.Combine("flake.nix")) || File.Exists(dir.Combine("procurator.json"));
        held!.Dispose();
        var done = await run;

        Assert.False(writtenWhileHeld);
        Assert.Equal(0, done.ExitCode);
        Assert.True(File.Exists(dir.Combine("flake.nix")) && File.Exists(dir.Combine("procurator.json")));
    }

    [Fact]
    public async Task Concurrent_runs_of_different_scripts_leave_a_matching_pair()
    {
        using var dir = new TempDirectory();
        const int Runs = 6;
        for (var i = 0; i < Runs; i++)
        {
            dir.Write($"s{i}.csx", $"Project(\"p{i}\", \".\").Env(\"RUN\", \"{i}\");\n");
        }

        // Compiled once first, so the concurrent runs race in the writing step, not the compiler.
        for (var i = 0; i < Runs; i++)
        {
            Assert.Equal(0, (await ProcessRun.InAsync(dir.Path, null, "validate", $"s{i}.csx")).ExitCode);
        }

        for (var round = 0; round < 2; round++)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, Runs).Select(i => ProcessRun.InAsync(dir.Path, null, "run", $"s{i}.csx", "--force")));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
            using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("procurator.json")));
            var project = json.RootElement.GetProperty("projects")[0].GetProperty("name").GetString();
            var flake = File.ReadAllText(dir.Combine("flake.nix"));
            Assert.Equal([project!], Enumerable.Range(0, Runs).Select(i => $"p{i}").Where(p => flake.Contains($"name = \"{p}\";", StringComparison.Ordinal)));
        }
    }
}
