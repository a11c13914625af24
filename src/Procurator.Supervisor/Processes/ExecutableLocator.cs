namespace Procurator.Supervisor.Processes;

/// <summary>Finds an executable the way a shell would, so a missing one fails at start with a clear message.</summary>
internal static class ExecutableLocator
{
    /// <summary>The absolute path of <paramref name="fileName"/>, or null when it is not an executable file.</summary>
    public static string? Find(string fileName, string? pathVariable)
    {
        if (fileName.Contains('/'))
            return IsExecutableFile(fileName) ? Path.GetFullPath(fileName) : null;

        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, fileName);
            if (IsExecutableFile(candidate))
                return Path.GetFullPath(candidate);
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
