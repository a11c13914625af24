using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Support;
using static Procurator.Supervisor.Tests.Support.Commands;

namespace Procurator.Supervisor.Tests;

/// <summary>Batched writes lose nothing: a burst reaches the console and the file whole and in order.</summary>
public sealed class LogBurstTests
{
    private const int Lines = 200_000;

    [ProcessFact("seq")]
    public async Task A_burst_of_200000_lines_reaches_console_and_file_in_order_with_none_lost()
    {
        using var dir = new TempDirectory();
        var console = new StringWriter();
        var expected = Enumerable.Range(1, Lines).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using (var files = new LogFileSink(dir.Path, maxBytes: 1L << 30))
        {
            var sink = new CombinedSink(new ConsoleSink(console, ["burst"], colour: false), files);
            var process = new PosixProcessRunner().Start("burst", Sh($"seq 1 {Lines}"), sink);
            await Poll.WithinAsync(process.Exited, TimeSpan.FromSeconds(60));

            // Once the exit is reported, every line is in the file already, before any dispose.
            var file = File.ReadAllLines(LogFileSink.PathFor(dir.Path, "burst"));
            Assert.Equal(expected, file.Select(l => l[LogFileFormat.HeadLength..]));
            Assert.All(file, l => Assert.Equal(" out ", l[24..29]));
        }

        Assert.Equal(expected, console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l["burst | ".Length..]));
    }
}
