using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Support;
using static Procurator.Supervisor.Tests.Support.Commands;

namespace Procurator.Supervisor.Tests;

/// <summary>A unit that never writes a newline must not grow the manager: its output arrives in 64 KiB pieces.</summary>
[Collection(AloneCollection.Name)]
public sealed class LongLineTests
{
    private const int Megabytes = 50;

    [ProcessFact("head", "tr")]
    public async Task Fifty_megabytes_without_a_newline_arrive_split_at_64_KiB_while_memory_stays_bounded()
    {
        var sink = new LengthSink();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        // The unit keeps running after the burst, so nothing is emitted because the pipe closed.
        var process = new PosixProcessRunner().Start("bar", Sh($"head -c {Megabytes * 1024 * 1024} /dev/zero | tr '\\0' x; sleep 1000"), sink);
        try
        {
            // The last piece waits for more output (or the end), since it could still end in a newline.
            var total = Megabytes * 1024 * 1024;
            Assert.True(await Poll.UntilAsync(() => sink.Bytes == total - OutputPump.MaxLineBytes, TimeSpan.FromSeconds(60)), $"{sink.Bytes} bytes arrived");
            var held = GC.GetTotalMemory(forceFullCollection: true) - baseline;

            Assert.Equal((Megabytes * 16) - 1, sink.Pieces);
            Assert.Equal(OutputPump.MaxLineBytes, sink.Longest);
            Assert.True(held < 16 * 1024 * 1024, $"the manager holds {held / 1024 / 1024} MB after the burst");

            process.Signal(StopSignal.Kill);
            await Poll.WithinAsync(process.Exited);
            Assert.True(await Poll.UntilAsync(() => sink.Bytes == total), $"{sink.Bytes} bytes arrived in the end");
            Assert.Equal(Megabytes * 16, sink.Pieces);
        }
        finally
        {
            Cleanup(process);
        }
    }

    [Fact]
    public async Task A_long_line_is_cut_before_a_multibyte_character_and_a_return_is_kept_inside()
    {
        var sink = new CollectingSink();
        var pump = new OutputPump("bar", LogStream.Stdout, sink, TimeProvider.System);
        // 65,535 'a', then 'é' (2 bytes) across the cap, then a progress-bar return and a newline.
        var text = new string('a', OutputPump.MaxLineBytes - 1) + "é\rb\r\n";

        await pump.RunAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal([new string('a', OutputPump.MaxLineBytes - 1), "é\rb"], sink.Lines.Select(l => l.Text));
    }

    private sealed class LengthSink : ILogSink
    {
        private long _bytes;
        private int _pieces;
        private int _longest;

        public long Bytes => Interlocked.Read(ref _bytes);
        public int Pieces => Volatile.Read(ref _pieces);
        public int Longest => Volatile.Read(ref _longest);

        public void Write(LogLine line)
        {
            Interlocked.Add(ref _bytes, line.Text.Length);
            Interlocked.Increment(ref _pieces);
            if (line.Text.Length > _longest)
                Volatile.Write(ref _longest, line.Text.Length);
        }
    }
}
