using Procurator.Supervisor.Logs;

namespace Procurator.Supervisor.Tests;

public sealed class ConsoleSinkTests
{
    private static LogLine Line(string unit, string text, LogStream stream = LogStream.Stdout) => new(unit, DateTimeOffset.UnixEpoch, stream, text);

    [Fact]
    public void Without_colour_the_unit_name_is_padded_to_the_longest()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, ["postgres", "api"], colour: false);
        sink.Write(Line("api", "listening"));
        sink.Write(Line("postgres", "ready"));
        sink.Write(Line("api", "state Ready", LogStream.Manager));
        sink.Flush();

        Assert.Equal("api      | listening\npostgres | ready\napi      | -- state Ready\n", output.ToString());
    }

    [Fact]
    public void With_colour_each_unit_gets_its_palette_colour_by_position()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, ["db", "api"], colour: true);
        sink.Write(Line("api", "x"));
        sink.Write(Line("db", "y"));
        sink.Flush();

        Assert.Equal("\u001b[33mapi |\u001b[0m x\n\u001b[36mdb  |\u001b[0m y\n", output.ToString());
    }

    [Fact]
    public void The_no_color_flag_or_redirected_output_turns_colour_off()
    {
        Assert.False(ConsoleSink.ColourWanted(noColorFlag: true, outputRedirected: false));
        Assert.False(ConsoleSink.ColourWanted(noColorFlag: false, outputRedirected: true));
    }

    [Fact]
    public void The_combined_sink_gives_every_line_to_each_sink()
    {
        var first = new StringWriter();
        var second = new StringWriter();
        var sink = new CombinedSink(new ConsoleSink(first, [], false), new ConsoleSink(second, [], false));
        sink.Write(Line("api", "hello"));
        sink.Flush();

        Assert.Equal(("api | hello\n", "api | hello\n"), (first.ToString(), second.ToString()));
    }

    [Fact]
    public void Lines_wait_for_the_flush_except_the_managers_own()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, ["api"], colour: false);
        sink.Write(Line("api", "one"));
        sink.Write(Line("api", "two"));
        Assert.Equal("", output.ToString());

        sink.Write(Line("api", "Starting -> Running", LogStream.Manager));
        Assert.Equal("api | one\napi | two\napi | -- Starting -> Running\n", output.ToString());
        sink.Write(Line("api", "three"));
        sink.Flush();
        Assert.EndsWith("api | three\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wider_name_that_appears_later_pads_every_prefix_after_it()
    {
        var output = new StringWriter();
        var sink = new ConsoleSink(output, ["db"], colour: false);
        sink.Write(Line("db", "a"));
        sink.Write(Line("postgres", "b"));
        sink.Write(Line("db", "c"));
        sink.Flush();

        Assert.Equal("db | a\npostgres | b\ndb       | c\n", output.ToString());
    }
}
