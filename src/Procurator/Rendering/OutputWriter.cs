using System.Text;

namespace Procurator.Rendering;

/// <summary>
/// Writes generated files so a reader never sees half a file: every file is first written
/// to a temporary file in the same folder, and only when all of them are on disk is each
/// renamed over its old version. A failure before that leaves the old files as they were.
/// </summary>
internal static class OutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="files"/>, named relative to <paramref name="directory"/> (<c>.vscode/settings.json</c>).</summary>
    public static void Write(string directory, IEnumerable<(string Name, string Content)> files)
    {
        var staged = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (name, content) in files)
            {
                // Staged in its target's folder, so the rename is atomic.
                var target = Path.Combine(directory, name);
                var folder = Path.GetDirectoryName(target)!;
                Directory.CreateDirectory(folder);
                var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, target));
                File.WriteAllText(temporary, content, Utf8NoBom);
            }

            foreach (var (temporary, target) in staged)
            {
                File.Move(temporary, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in staged)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> exists and holds exactly <paramref name="content"/>, as it would be written.</summary>
    public static bool IsOnDisk(string path, string content) =>
        File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(Utf8NoBom.GetBytes(content));
}
