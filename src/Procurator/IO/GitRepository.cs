namespace Procurator.IO;

/// <summary>Where the git repository around a folder starts; what Nix treats as a git flake, and CI checks out.</summary>
internal static class GitRepository
{
    /// <summary>The nearest folder at or above <paramref name="directory"/> holding <c>.git</c> (a folder, or a file in a worktree); null outside git.</summary>
    public static string? RootOf(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
