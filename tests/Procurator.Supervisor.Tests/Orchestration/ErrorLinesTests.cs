using Procurator.Supervisor.Orchestration;

namespace Procurator.Supervisor.Tests.Orchestration;

public sealed class ErrorLinesTests
{
    [Fact]
    public void The_first_error_looking_line_explains_rather_than_what_follows_it()
    {
        var lines = new ErrorLines();
        foreach (var line in new[] { "npm ERR! Missing script: \"start\"", "npm ERR! ", "npm ERR! A complete log of this run can be found in: /root/.npm/x.log" })
            lines.Add(line);

        Assert.Equal("npm ERR! Missing script: \"start\"", lines.Explaining());
    }

    [Fact]
    public void A_traceback_is_explained_by_its_error_line()
    {
        var lines = new ErrorLines();
        foreach (var line in new[] { "Traceback (most recent call last):", "  File \"app.py\", line 1, in <module>", "ModuleNotFoundError: No module named 'flask'" })
            lines.Add(line);

        Assert.Equal("ModuleNotFoundError: No module named 'flask'", lines.Explaining());
    }

    [Fact]
    public void Without_an_error_looking_line_the_last_stderr_line_explains()
    {
        var lines = new ErrorLines();
        lines.Add("starting");
        lines.Add("boom");

        Assert.Equal("boom", lines.Explaining());
    }

    [Fact]
    public void An_old_error_scrolls_out_of_the_window()
    {
        var lines = new ErrorLines();
        lines.Add("error: transient");
        for (var i = 0; i < ErrorLines.Window; i++)
            lines.Add($"line {i}");

        Assert.Equal($"line {ErrorLines.Window - 1}", lines.Explaining());
    }

    [Fact]
    public void Nothing_on_stderr_explains_nothing() => Assert.Null(new ErrorLines().Explaining());
}
