namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// Finds a server binary: first on PATH (so <c>nix run .#up</c> and dev shells win),
/// then in the usual install locations. Injected file checks keep it testable.
/// </summary>
internal sealed class BinaryLocator(string? path, Func<string, bool> isExecutable, Func<string, IEnumerable<string>> listDirectories)
{
    public static BinaryLocator FromEnvironment() => new(
        Environment.GetEnvironmentVariable("PATH"),
        File.Exists,
        dir => Directory.Exists(dir) ? Directory.EnumerateDirectories(dir) : []);

    /// <summary>The first <paramref name="name"/> in PATH, or null.</summary>
    public string? OnPath(string name) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(isExecutable);

    /// <summary>
    /// The <c>bin</c> directories of versioned installs such as <c>/usr/lib/postgresql/15/bin</c>,
    /// the requested version first, then newest first.
    /// </summary>
    public IEnumerable<(string Version, string BinDirectory)> Versioned(string root, string? version) =>
        listDirectories(root)
            .Select(dir => (Version: Path.GetFileName(dir), BinDirectory: Path.Combine(dir, "bin")))
            .OrderByDescending(v => v.Version == version)
            .ThenByDescending(v => int.TryParse(v.Version.Split('.')[0], out var major) ? major : 0);

    /// <summary>
    /// The first <paramref name="name"/> on PATH, else in the first of <paramref name="directories"/>
    /// that has it (Debian puts servers in /usr/sbin, which a normal user's PATH lacks), or null.
    /// </summary>
    public string? Find(string name, params string[] directories) =>
        OnPath(name) ?? directories.Select(dir => Path.Combine(dir, name)).FirstOrDefault(isExecutable);

    public bool IsExecutable(string file) => isExecutable(file);
}
