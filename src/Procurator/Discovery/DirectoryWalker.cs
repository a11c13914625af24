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
/// link loop ends). A link never leads out of the root: a folder or file whose real path is
/// outside it (a link to <c>/</c> or <c>/usr/lib</c>) is left out, as if it were not there.
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
        var top = new DirectoryInfo(root);
        Visit(top, ".", RealPath(top) ?? top.FullName, result, seen);
        return result;
    }

    private static void Visit(DirectoryInfo directory, string relative, string root, List<WalkedDirectory> result, HashSet<string> seen)
    {
        // The real path, so a link back up the tree is met as already seen, and one out of it is not followed.
        var real = RealPath(directory);
        if (real is null || (relative != "." && !IsInside(real, root)) || !seen.Add(real))
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

        var files = entries.OfType<FileInfo>().Where(f => f.LinkTarget is null || (RealPath(f) is { } target && IsInside(target, root)))
            .Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var folders = entries.OfType<DirectoryInfo>().OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
        result.Add(new WalkedDirectory(relative, files, folders.Select(d => d.Name).ToArray()));
        foreach (var folder in folders.Where(f => !Skipped.Contains(f.Name)))
        {
            Visit(folder, relative == "." ? folder.Name : $"{relative}/{folder.Name}", root, result, seen);
        }
    }

    /// <summary>The path with every link resolved (of the folders above it too); null for a dangling link.</summary>
    private static string? RealPath(FileSystemInfo entry)
    {
        try
        {
            var resolved = entry.LinkTarget is null ? entry.FullName : entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (resolved is null)
            {
                return null;
            }

            // The link's own folder may be reached through links as well: resolve upwards.
            var full = Path.GetFullPath(resolved);
            var dir = Path.GetDirectoryName(full);
            return dir is null || dir == full ? full : Path.Combine(RealPath(new DirectoryInfo(dir)) ?? dir, Path.GetFileName(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
}
