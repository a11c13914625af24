using System.Globalization;

namespace Procurator.Supervisor.Logs;

/// <summary>The line format of unit log files: <c>2025-01-31T12:00:00.123Z out text</c>.</summary>
internal static class LogFileFormat
{
    /// <summary>The formatted line, newline included; a newline inside the text becomes a space so a line stays a line.</summary>
    public static string Format(LogLine line)
    {
        var text = line.Text.Contains('\n') ? line.Text.Replace('\n', ' ') : line.Text;
        var at = line.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return $"{at} {Tag(line.Stream)} {text}\n";
    }

    /// <summary>The three-letter stream tag.</summary>
    public static string Tag(LogStream stream) => stream switch
    {
        LogStream.Stdout => "out",
        LogStream.Stderr => "err",
        _ => "mgr",
    };
}
