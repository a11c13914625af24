using System.Text;

namespace Procurator.Rendering;

/// <summary>
/// Writes generated files so a reader never sees half a file: each goes to a temporary
/// file in the same folder, then is renamed over the old one. Nothing is written until
/// every file has rendered, so a failed run leaves the old files as they were.
/// </summary>
internal static class OutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string directory, GeneratedFiles files)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in files.All)
        {
            var target = Path.Combine(directory, name);
            var temporary = Path.Combine(directory, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllText(temporary, content, Utf8NoBom);
                File.Move(temporary, target, overwrite: true);
            }
            finally
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
