using Procurator.Diagnostics;
using Procurator.Rendering;

namespace Procurator.Output;

/// <summary>
/// The files a command renders, as one set: parsed all before any is written, compared with
/// disk as a whole (<c>run --check</c>, <c>check</c>), and written together (see
/// <see cref="OutputWriter"/>), so a reader never sees a file of one run beside one of another.
/// </summary>
/// <param name="Directory">The folder the set is written to, which names its lock; files may lie in sub-folders.</param>
/// <param name="Files">The files, in the order they are named to the user.</param>
internal sealed record OutputSet(string Directory, IReadOnlyList<OutputFile> Files)
{
    /// <summary>
    /// Renders every target, then parses every file: one that does not parse throws
    /// <see cref="RenderingException"/>, so nothing of the set is written.
    /// </summary>
    public static IReadOnlyList<OutputFile> Render(IEnumerable<IOutputTarget> targets, OutputContext context, StepTimer? timer = null)
    {
        var files = new List<OutputFile>();
        foreach (var target in targets)
        {
            files.AddRange(target.Render(context));
            timer?.Lap($"render {target.Name}");
        }

        foreach (var file in files)
        {
            file.Syntax.Check(file.Label, file.Content);
            timer?.Lap($"parse {file.Label}");
        }

        return files;
    }

    /// <summary>A file's path relative to <see cref="Directory"/> (<c>flake.nix</c>).</summary>
    public string NameOf(OutputFile file) => Path.GetRelativePath(Directory, file.Path);

    /// <summary>The files whose content on disk differs from the rendered one (or that are missing).</summary>
    public IReadOnlyList<OutputFile> Drifted() => Files.Where(f => !OutputWriter.IsOnDisk(f.Path, f.Content)).ToArray();

    /// <summary>The files in the way: on disk, and not written by Procurator (so not to be replaced without <c>--force</c>).</summary>
    public IReadOnlyList<OutputFile> Foreign() => Files.Where(f => !GeneratedMarker.MayReplace(f.Path, f.Mark)).ToArray();

    /// <summary>Writes every file atomically; a failure leaves the old files as they were.</summary>
    public void Write() => OutputWriter.Write(Directory, Files.Select(f => (NameOf(f), f.Content)));
}
