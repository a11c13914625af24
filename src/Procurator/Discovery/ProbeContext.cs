namespace Procurator.Discovery;

/// <summary>One folder being probed: its files by name, the project filling in, and the scan's log.</summary>
internal sealed record ProbeContext(ProjectDraft Project, IReadOnlySet<string> Files, IReadOnlyList<string> Directories, DiscoveryLog Log)
{
    public bool Has(string file) => Files.Contains(file);

    public string FullPath(string file) => Path.Combine(Log.Root, Project.File(file));

    public string Read(string file) => IO.BoundedFile.ReadAllText(FullPath(file));

    /// <summary>The first line of a one-line version file (<c>.nvmrc</c>), trimmed; null when empty.</summary>
    public string? FirstLine(string file)
    {
        var line = Read(file).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return string.IsNullOrEmpty(line) ? null : line;
    }

    public SourceRef Source(string file, int line = 0) => new(Project.File(file), line);
}
