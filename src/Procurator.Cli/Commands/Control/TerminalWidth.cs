using System.Globalization;

namespace Procurator.Cli.Commands.Control;

/// <summary>
/// How wide a table may be: the terminal's width when stdout is one, else <c>COLUMNS</c> when set
/// (a pipe into a pager, a test), else unlimited; and cutting a line to it with an ellipsis.
/// </summary>
internal static class TerminalWidth
{
    /// <summary>The width for <paramref name="cli"/>'s stdout, or null for no limit.</summary>
    public static int? Of(CliContext cli)
    {
        var terminal = cli.IsConsole && !Console.IsOutputRedirected ? Console.WindowWidth : 0;
        return Choose(terminal, Environment.GetEnvironmentVariable("COLUMNS"));
    }

    /// <param name="terminal">The terminal's columns, 0 when stdout is not a terminal.</param>
    /// <param name="columns">The <c>COLUMNS</c> variable.</param>
    public static int? Choose(int terminal, string? columns) =>
        terminal > 0 ? terminal
        : int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given > 0 ? given
        : null;

    /// <summary><paramref name="line"/> cut to <paramref name="width"/> characters, its last one <c>…</c> when cut.</summary>
    public static string Fit(string line, int? width) =>
        width is { } w && line.Length > w ? line[..Math.Max(0, w - 1)] + "…" : line;
}
