using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Tests.Support;
using static Procurator.Supervisor.Tests.Support.Commands;

namespace Procurator.Supervisor.Tests;

public sealed class LogFileTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 31, 12, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public void A_line_is_written_with_its_utc_time_and_stream()
    {
        using var dir = new TempDirectory();
        using (var sink = new LogFileSink(dir.Path))
        {
            sink.Write(new LogLine("api:web", At, LogStream.Stdout, "listening"));
            sink.Write(new LogLine("api:web", At, LogStream.Stderr, "warn"));
            sink.Write(new LogLine("api:web", At, LogStream.Manager, "two\nlines"));
        }

        Assert.Equal(
            "2025-01-31T10:00:00.123Z out listening\n2025-01-31T10:00:00.123Z err warn\n2025-01-31T10:00:00.123Z mgr two lines\n",
            File.ReadAllText(Path.Combine(dir.Path, "api:web.log")));
    }

    [Fact]
    public void Rotation_never_splits_a_line_and_loses_none()
    {
        using var dir = new TempDirectory();
        var expected = Enumerable.Range(1, 2000).Select(i => $"line {i} " + new string('x', i % 37)).ToList();
        using (var sink = new LogFileSink(dir.Path, maxBytes: 1000, keep: 1000))
        {
            foreach (var text in expected)
                sink.Write(new LogLine("db", At, LogStream.Stdout, text));
        }

        var path = LogFileSink.PathFor(dir.Path, "db");
        var rotated = Directory.GetFiles(dir.Path).Length - 1;
        Assert.True(rotated > 10, $"only {rotated} rotations");
        var files = Enumerable.Range(1, rotated).Reverse().Select(i => $"{path}.{i}").Append(path).ToList();
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 1000, $"{f} is too large"));
        Assert.All(files, f => Assert.EndsWith("\n", File.ReadAllText(f), StringComparison.Ordinal));
        var texts = files.SelectMany(File.ReadAllLines).Select(l => l["2025-01-31T10:00:00.123Z out ".Length..]);
        Assert.Equal(expected, texts);
    }

    [Fact]
    public void Rotation_keeps_the_newest_files_only()
    {
        using var dir = new TempDirectory();
        using (var sink = new LogFileSink(dir.Path, maxBytes: 100, keep: 2))
        {
            for (var i = 1; i <= 50; i++)
                sink.Write(new LogLine("db", At, LogStream.Stdout, $"line {i:00} padding padding"));
        }

        Assert.Equal(["db.log", "db.log.1", "db.log.2"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.EndsWith("line 50 padding padding", File.ReadAllLines(Path.Combine(dir.Path, "db.log"))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_never_interleave_within_a_line()
    {
        using var dir = new TempDirectory();
        using (var sink = new LogFileSink(dir.Path, maxBytes: 4096, keep: 10000))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 2000; i++)
                    sink.Write(new LogLine("api", At, LogStream.Stdout, $"w{w} {i} " + new string((char)('a' + w), 50)));
            })));
        }

        var lines = Directory.GetFiles(dir.Path).SelectMany(File.ReadAllLines).ToList();
        Assert.Equal(8000, lines.Count);
        Assert.All(lines, l => Assert.Matches(@"^\S+ out w(\d) \d+ (a{50}|b{50}|c{50}|d{50})$", l));
    }

    [ProcessFact("seq")]
    public async Task A_burst_and_a_last_line_without_newline_are_on_disk_when_the_exit_is_reported()
    {
        using var dir = new TempDirectory();
        using var sink = new LogFileSink(dir.Path, maxBytes: 1L << 30);
        var process = new PosixProcessRunner().Start("burst", Sh("seq 1 200000; printf last-without-newline"), sink);

        await Poll.WithinAsync(process.Exited, TimeSpan.FromMinutes(2));

        using var reader = new StreamReader(new FileStream(LogFileSink.PathFor(dir.Path, "burst"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var texts = (await reader.ReadToEndAsync()).Split('\n')[..^1].Select(l => l[(l.IndexOf(" out ", StringComparison.Ordinal) + 5)..]).ToList();
        Assert.Equal(200001, texts.Count);
        Assert.Equal(Enumerable.Range(1, 200000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), texts[..200000]);
        Assert.Equal("last-without-newline", texts[^1]);
    }
}
