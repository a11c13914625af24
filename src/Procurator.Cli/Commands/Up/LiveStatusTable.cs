using Procurator.Cli.Commands.Control;
using Procurator.Supervisor.Control;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// The status table pinned under the logs of <c>procurator up</c>: the columns of
/// <c>procurator status</c> (<see cref="StatusTable"/>), the state coloured unless colour is off.
/// </summary>
internal static class LiveStatusTable
{
    public static Table Build(IReadOnlyList<UnitReport> units, bool colour)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in StatusTable.Headers)
        {
            // Nothing wraps: the short columns keep their width on a narrow terminal, the reason is cut with an ellipsis.
            var column = new TableColumn(new Text(header, colour ? new Style(decoration: Decoration.Bold) : Style.Plain));
            table.AddColumn(column.NoWrap());
        }

        foreach (var unit in units)
        {
            var state = colour ? StateStyle(unit.State) : Style.Plain;
            table.AddRow(StatusTable.Cells(unit).Select((cell, i) => (IRenderable)new Text(cell, i == 1 ? state : Style.Plain) { Overflow = Overflow.Ellipsis }));
        }

        return table;
    }

    /// <summary>The table as terminal text <paramref name="width"/> columns wide, ending with a line break.</summary>
    public static string Render(IReadOnlyList<UnitReport> units, int width, bool colour, bool unicode)
    {
        var text = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = unicode;
        console.Write(Build(units, colour));
        return Tidy(text.ToString());
    }

    /// <summary>
    /// Spectre's output without the blank border lines above and below and without trailing
    /// padding, so that no line fills the terminal's last column: one line on screen per line.
    /// </summary>
    public static string Tidy(string rendered)
    {
        var lines = rendered.Split('\n').Select(l => l.TrimEnd(' ', '\r')).SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse();
        return string.Concat(lines.Select(l => l + "\n"));
    }

    private static Style StateStyle(string state) => state switch
    {
        "ready" or "completed" => new Style(Color.Green),
        "failed" or "gave-up" or "unhealthy" or "blocked" => new Style(Color.Red),
        "stopped" or "skipped" => new Style(Color.Grey),
        _ => new Style(Color.Yellow),
    };
}
