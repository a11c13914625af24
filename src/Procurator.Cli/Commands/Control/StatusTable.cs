using System.Globalization;
using System.Text;
using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands.Control;

/// <summary>
/// The text table of <c>procurator status</c>: aligned columns, the reason last and unpadded.
/// Its columns (<see cref="Headers"/>, <see cref="Cells"/>) are also those of the live table of <c>procurator up</c>.
/// </summary>
internal static class StatusTable
{
    public static IReadOnlyList<string> Headers { get; } = ["NAME", "STATE", "HEALTH", "PID", "UPTIME", "RESTARTS", "LAST EXIT", "PORTS", "REASON"];

    /// <param name="status">The manager's report.</param>
    /// <param name="width">Cut every line to this many columns with an ellipsis, never wrapping (see <see cref="TerminalWidth"/>); null: no limit.</param>
    public static string Format(StatusReport status, int? width = null)
    {
        var rows = new List<IReadOnlyList<string>> { Headers };
        rows.AddRange(status.Units.Select(Cells));
        var widths = Enumerable.Range(0, Headers.Count - 1).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var line = string.Concat(row.Take(widths.Length).Select((cell, i) => cell.PadRight(widths[i] + 2))) + row[^1];
            text.Append(TerminalWidth.Fit(line.TrimEnd(), width)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Where the running manager keeps its state, after the table: <c>state: DIR (logs in DIR/logs)</c>.</summary>
    public static string StateLine(StatusReport status) =>
        $"\nstate: {status.State} (logs in {new StatePaths(status.State).Logs})\n";

    /// <summary>One unit's cells, in the order of <see cref="Headers"/>.</summary>
    public static IReadOnlyList<string> Cells(UnitReport u) =>
        [
            u.Name,
            u.State,
            u.Health,
            u.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
            u.UptimeSeconds is { } up ? Uptime(up) : "-",
            u.Restarts.ToString(CultureInfo.InvariantCulture),
            u.LastExit?.ToString() ?? "-",
            u.Ports.Count == 0 ? "-" : string.Join(",", u.Ports),
            u.Reason,
        ];

    /// <summary><c>42s</c>, <c>3m05s</c>, <c>2h07m</c>, <c>3d04h</c>.</summary>
    public static string Uptime(long seconds) => seconds switch
    {
        < 60 => $"{seconds}s",
        < 3600 => $"{seconds / 60}m{seconds % 60:00}s",
        < 86400 => $"{seconds / 3600}h{seconds / 60 % 60:00}m",
        _ => $"{seconds / 86400}d{seconds / 3600 % 24:00}h",
    };
}
