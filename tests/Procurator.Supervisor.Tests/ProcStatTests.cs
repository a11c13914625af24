using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Tests;

public sealed class ProcStatTests
{
    [Fact]
    public void Fields_are_counted_from_the_last_parenthesis_of_the_command_name()
    {
        var stat = ProcStat.Parse("4242 (my (odd) name) S 1 4240 4239 0 -1 4194560 100 0 0 0");
        Assert.Equal(new ProcStat(4242, 'S', 4240, 4239), stat);
    }

    [Fact]
    public void Zombies_are_dead()
    {
        Assert.True(ProcStat.Parse("7 (sleep) Z 1 7 7 0")!.Value.IsDead);
        Assert.False(ProcStat.Parse("7 (sleep) R 1 7 7 0")!.Value.IsDead);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 1, null)]
    [InlineData(128, 128, null)]
    [InlineData(137, null, 9)]
    [InlineData(143, null, 15)]
    [InlineData(255, 255, null)]
    public void Exit_codes_above_128_are_read_as_signals(int dotnetExitCode, int? exitCode, int? signal)
    {
        Assert.Equal(new ProcessExit(exitCode, signal), ExitStatus.FromDotNet(dotnetExitCode));
    }
}
