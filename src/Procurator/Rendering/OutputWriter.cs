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

    public static void Write(string directory, GeneratedFiles files)
    {
        Directory.CreateDirectory(directory);
        var staged = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (name, content) in files.All)
            {
                var temporary = Path.Combine(directory, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, Path.Combine(directory, name)));
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

    /// <summary>The generated files whose content on disk differs from <paramref name="files"/> (or is missing).</summary>
    public static IReadOnlyList<string> Drifted(string directory, GeneratedFiles files) =>
        files.All
            .Where(f =>
            {
                var path = Path.Combine(directory, f.Name);
                return !File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(Utf8NoBom.GetBytes(f.Content));
            })
            .Select(f => f.Name)
            .ToArray();
}
