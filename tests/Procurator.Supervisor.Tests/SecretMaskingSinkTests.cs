using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Tests;

public sealed class SecretMaskingSinkTests
{
    private sealed class Collect : ILogSink
    {
        public List<string> Lines { get; } = [];

        public void Write(LogLine line) => Lines.Add($"{line.Unit}: {line.Text}");
    }

    [Fact]
    public void A_units_secrets_are_masked_in_its_lines_only_longest_first_and_short_values_are_left()
    {
        var collect = new Collect();
        var sink = SecretMaskingSink.Over(collect, [("api", ["hunter2", "hunter2-and-more", "1"]), ("web", [])]);

        foreach (var (unit, text) in new[] { ("api", "pw hunter2-and-more then hunter2, code 1"), ("web", "hunter2 is not web's secret"), ("api", "nothing here") })
        {
            sink.Write(new LogLine(unit, DateTimeOffset.UnixEpoch, LogStream.Stdout, text));
        }

        Assert.Equal(["api: pw *** then ***, code 1", "web: hunter2 is not web's secret", "api: nothing here"], collect.Lines);
    }

    [Fact]
    public void Without_secrets_worth_masking_the_sink_is_not_wrapped()
    {
        var collect = new Collect();
        Assert.Same(collect, SecretMaskingSink.Over(collect, [("api", ["abc"]), ("web", [])]));
    }
}
