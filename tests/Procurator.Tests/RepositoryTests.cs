using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The committed generated files of the repository and its examples match their scripts.</summary>
public sealed class RepositoryTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("examples/microservices")]
    [InlineData("examples/policies")]
    public async Task Committed_flake_is_up_to_date(string workspace)
    {
        var run = await CliRun.InAsync(Path.Combine(RepositoryPaths.Root, workspace), "run", "--check");

        Assert.True(run.ExitCode == 0, $"{workspace}: {run.Stderr}regenerate with `procurator run {workspace}/procurator.csx`");
    }
}
