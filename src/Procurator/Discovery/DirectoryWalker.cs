namespace Procurator.Discovery;

/// <summary>One folder met by the walk: its path relative to the root (<c>.</c>, <c>a/b</c>), files and sub-folders by name.</summary>
internal sealed record WalkedDirectory(string Path, IReadOnlySet<string> Files, IReadOnlyList<string> Directories)
{
    /// <summary>A <c>.git</c> folder or file (a worktree or submodule) marks a repository.</summary>
    public bool IsRepository => Files.Contains(".git") || Directories.Contains(".git");
}

/// <summary>
/// Walks a folder tree in ordinal order, skipping version-control, dependency and build output
/// folders, and following a symbolic link to a folder only the first time its target is met (so a
/// link loop ends).
/// </summary>
internal static class DirectoryWalker
{
    public static readonly IReadOnlySet<string> Skipped = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", "node_modules", "target", ".venv", "venv", "dist", "build", "out", "vendor", ".direnv", "result",
        "bin", "obj", "__pycache__", ".gradle", ".idea", ".vscode", ".procurator",
    };

    public static IReadOnlyList<WalkedDirectory> Walk(string root)
    {
        var result = new List<WalkedDirectory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(new DirectoryInfo(root), ".", result, seen);
        return result;
    }

    private static void Visit(DirectoryInfo directory, string relative, List<WalkedDirectory> result, HashSet<string> seen)
    {
        // The real path, so a link back up the tree is met as already seen.
        var real = directory.LinkTarget is null ? directory.FullName : directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (real is null || !seen.Add(Path.GetFullPath(real)))
        {
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var files = entries.OfType<FileInfo>().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var folders = entries.OfType<DirectoryInfo>().OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
        result.Add(new WalkedDirectory(relative, files, folders.Select(d => d.Name).ToArray()));
        foreach (var folder in folders.Where(f => !Skipped.Contains(f.Name)))
        {
            Visit(folder, relative == "." ? folder.Name : $"{relative}/{folder.Name}", result, seen);
        }
    }
}
