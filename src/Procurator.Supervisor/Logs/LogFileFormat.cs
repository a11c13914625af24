using System.Globalization;

namespace Procurator.Supervisor.Logs;

/// <summary>The line format of unit log files: <c>2025-01-31T12:00:00.123Z out text</c>.</summary>
internal static class LogFileFormat
{
    /// <summary>Characters (and bytes: all ASCII) before the text: time, space, tag, space.</summary>
    public const int HeadLength = 29;

    /// <summary>Writes <c>2025-01-31T12:00:00.123Z out </c> into <paramref name="head"/> (<see cref="HeadLength"/> characters).</summary>
    public static void WriteHead(LogLine line, Span<char> head)
    {
        line.At.UtcDateTime.TryFormat(head, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        head[written] = ' ';
        Tag(line.Stream).CopyTo(head[(written + 1)..]);
        head[written + 4] = ' ';
    }

    /// <summary>The three-letter stream tag.</summary>
    public static string Tag(LogStream stream) => stream switch
    {
        LogStream.Stdout => "out",
        LogStream.Stderr => "err",
        _ => "mgr",
    };
}
