using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>Scriban cuts a string conversion at 1 MiB by default; a big workspace's flake must come out whole.</summary>
public sealed class LargeFlakeTests
{
    [Fact]
    public async Task A_flake_over_one_mebibyte_is_written_whole()
    {
        using var dir = new TempDirectory("large");
        dir.Write("procurator.csx", """
            for (var i = 0; i < 200; i++)
                Project($"p{i}", ".").Description($"p{i} " + new string('x', 8000)).Process("web", "true");
            """);

        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var flake = await File.ReadAllTextAsync(dir.Combine("flake.nix"));
        var visualize = await File.ReadAllTextAsync(dir.Combine("procurator.visualize.sh"));
        Assert.True(flake.Length > 3 * 1024 * 1024 / 2, $"flake.nix is only {flake.Length} characters");
        Assert.EndsWith("\n    };\n}\n", flake, StringComparison.Ordinal);
        Assert.True(visualize.Length > 3 * 1024 * 1024 / 2, $"procurator.visualize.sh is only {visualize.Length} characters");
        Assert.Contains("  html) page ;;", visualize, StringComparison.Ordinal);
    }
}
