using Procurator.Supervisor.Logs;

namespace Procurator.Cli.Commands.Up;

/// <summary>Picks the view of a foreground <c>procurator up</c>.</summary>
internal static class UpView
{
    /// <summary>The live table needs a terminal that understands cursor movement, and someone watching it.</summary>
    public static bool WantsLive(bool outputRedirected, bool detached, string? term) =>
        !outputRedirected && !detached && term != "dumb";

    /// <param name="cli">Where to write.</param>
    /// <param name="unitNames">Units in display order (prefix colours and width).</param>
    /// <param name="colour">Colour in prefixes and in the table.</param>
    /// <param name="detached">Running as the detached manager.</param>
    public static IUpView Create(CliContext cli, IEnumerable<string> unitNames, bool colour, bool detached)
    {
        var console = cli.IsConsole;
        if (console && WantsLive(Console.IsOutputRedirected, detached, Environment.GetEnvironmentVariable("TERM")))
        {
            // Notices go through the view too when they reach the same terminal, so they never land inside the table.
            return new LiveStatusView(cli.Out, Console.IsErrorRedirected ? cli.Error : null, unitNames, colour, TerminalSize, TimeProvider.System);
        }

        return new PlainUpView(new ConsoleSink(cli.Out, unitNames, colour), cli.Error);
    }

    private static (int Width, int Height) TerminalSize()
    {
        try
        {
            return (Math.Max(Console.WindowWidth, 20), Math.Max(Console.WindowHeight, 5));
        }
        catch (IOException)
        {
            return (80, 24);
        }
    }
}
