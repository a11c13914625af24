using Microsoft.Extensions.Time.Testing;
using Procurator.Cli;
using Procurator.Cli.Commands.Up;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Procurator.Tests.Up;

public sealed class LiveStatusViewTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);

    private static UnitReport[] Units() =>
    [
        new("postgres", "ready", "healthy", 123, At, 3720, 0, null, [5432], "ready: connected"),
        new("api", "gave-up", "-", null, At, null, 10, new ExitReport(1, null), [8080, 8081], "exit 1 \"boom\""),
        new("web", "skipped", "-", null, null, null, 0, null, [], "api gave up"),
    ];

    private static LogLine Line(string unit, string text) => new(unit, At, LogStream.Stdout, text);

    [Fact]
    public void Table_without_colour_has_the_status_columns_and_no_escape_codes()
    {
        var console = new TestConsole().Width(100).Colors(ColorSystem.NoColors);
        console.EmitAnsiSequences = true;
        console.Write(LiveStatusTable.Build(Units(), colour: false));

        Assert.Equal(
            "  NAME       STATE     HEALTH    PID   UPTIME   RESTARTS   LAST EXIT   PORTS       REASON\n" +
            new string('─', 100) + "\n" +
            "  postgres   ready     healthy   123   1h02m    0          -           5432        ready:\n" +
            "                                                                                   connected\n" +
            "  api        gave-up   -         -     -        10         1           8080,8081   exit 1 \"boom\"\n" +
            "  web        skipped   -         -     -        0          -           -           api gave up\n",
            LiveStatusTable.Tidy(console.Output));
    }

    [Fact]
    public void Table_with_colour_colours_the_state()
    {
        var console = new TestConsole().Width(100).Colors(ColorSystem.Standard);
        console.EmitAnsiSequences = true;
        console.Write(LiveStatusTable.Build(Units()[..1], colour: true));

        Assert.Equal(
            "  \u001b[1mNAME\u001b[0m       \u001b[1mSTATE\u001b[0m   \u001b[1mHEALTH\u001b[0m    \u001b[1mPID\u001b[0m   \u001b[1mUPTIME\u001b[0m   \u001b[1mRESTARTS\u001b[0m   \u001b[1mLAST EXIT\u001b[0m   \u001b[1mPORTS\u001b[0m   \u001b[1mREASON\u001b[0m\n" +
            new string('─', 95) + "\n" +
            "  postgres   \u001b[32mready\u001b[0m   healthy   123   1h02m    0          -           5432    ready: connected\n",
            LiveStatusTable.Tidy(console.Output));
    }

    [Fact]
    public async Task Lines_scroll_above_the_table_and_the_final_table_stays_with_the_cursor_shown()
    {
        var terminal = new StringWriter();
        var time = new FakeTimeProvider(At);
        var view = new LiveStatusView(terminal, null, ["postgres", "api", "web"], colour: false, () => (100, 24), time);
        IReadOnlyList<UnitReport> rows = Units()[..1];
        view.Start(() => rows);
        view.Logs.Write(Line("api", "listening"));
        view.Logs.Flush();
        view.Notices.WriteLine("procurator: all ready in 1.0 s");
        rows = Units()[1..2];
        view.Changed();
        await view.DisposeAsync();

        Assert.Equal(
            "\u001b[?25l  NAME       STATE   HEALTH    PID   UPTIME   RESTARTS   LAST EXIT   PORTS   REASON\n" +
            new string('─', 95) + "\n" +
            "  postgres   ready   healthy   123   1h02m    0          -           5432    ready: connected\n" +
            "\r\u001b[3A\u001b[Japi      | listening\n" +
            "procurator: all ready in 1.0 s\n" +
            "  NAME   STATE     HEALTH   PID   UPTIME   RESTARTS   LAST EXIT   PORTS       REASON\n" +
            new string('─', 93) + "\n" +
            "  api    gave-up   -        -     -        10         1           8080,8081   exit 1 \"boom\"\n" +
            "\u001b[?25h",
            terminal.ToString());
    }

    [Fact]
    public void Redirected_output_keeps_the_plain_prefixed_lines()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var view = UpView.Create(new CliContext(output, error, "/"), ["postgres", "api"], colour: false, detached: false);
        view.Start(() => Units());
        view.Logs.Write(Line("api", "listening"));
        view.Logs.Write(new LogLine("postgres", At, LogStream.Manager, "state Ready"));
        view.Changed();

        Assert.IsType<PlainUpView>(view);
        Assert.Same(error, view.Notices);
        Assert.Equal("api      | listening\npostgres | -- state Ready\n", output.ToString());
    }

    [Theory]
    [InlineData(false, false, "xterm-256color", true)]
    [InlineData(true, false, "xterm-256color", false)]
    [InlineData(false, true, "xterm-256color", false)]
    [InlineData(false, false, "dumb", false)]
    [InlineData(false, false, null, true)]
    public void Live_view_only_on_an_attached_terminal_that_is_not_dumb(bool redirected, bool detached, string? term, bool live) =>
        Assert.Equal(live, UpView.WantsLive(redirected, detached, term));
}
