using System.Text;
using Procurator.IO;

namespace Procurator.Scripting;

/// <summary>
/// Compiled scripts on disk, so every run after the first skips Roslyn. An entry is a
/// manifest <c>KEY.manifest</c> (see <see cref="CacheManifest"/>) naming a content-addressed
/// assembly and PDB. Every write goes
/// to a temporary file and is renamed into place, so racing runs never see half an entry;
/// a cache folder that cannot be written is silently skipped (the run still works).
/// </summary>
internal sealed class ScriptCache(string directory, TimeProvider clock)
{
    public static readonly TimeSpan UnusedLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromDays(1);

    // Far above a real manifest, which lists a script's files.
    private const long ManifestLimit = 4 * 1024 * 1024;

    public string Directory { get; } = directory;

    /// <summary><c>PROCURATOR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/procurator</c>, else <c>~/.cache/procurator</c>.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("PROCURATOR_CACHE_DIR") is { Length: > 0 } explicitDir)
        {
            return Path.GetFullPath(explicitDir);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "procurator");
    }

    private string EntriesDirectory => Path.Combine(Directory, $"scripts-v{ScriptCacheKey.FormatVersion}");

    /// <summary>The compiled script for <paramref name="key"/>, when every file it was made from is unchanged.</summary>
    public CompiledScript? TryLoad(string key)
    {
        try
        {
            var manifestPath = ManifestPath(key);
            if (!File.Exists(manifestPath))
            {
                return null;
            }

            var manifest = ReadManifest(manifestPath);
            if (manifest is null || !manifest.Sources.Concat(manifest.References).All(IsUnchanged)
                || ReadVerified(manifest.Assembly, ".dll") is not { } assembly || ReadVerified(manifest.Pdb, ".pdb") is not { } pdb)
            {
                return null;
            }

            var script = new CompiledScript(assembly, pdb, manifest.Sources, manifest.References);
            File.SetLastWriteTimeUtc(manifestPath, clock.GetUtcNow().UtcDateTime); // marks it used, for pruning
            return script;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores a compiled script; returns false (and leaves no trace) when the folder cannot be written.</summary>
    public bool TryStore(string key, CompiledScript script)
    {
        try
        {
            System.IO.Directory.CreateDirectory(EntriesDirectory);
            // Each file is named by its own hash, which a load checks (see ReadVerified).
            var assemblyName = $"{key}-{FileHash.Of(script.Assembly)}.dll";
            var pdbName = $"{key}-{FileHash.Of(script.Pdb)}.pdb";
            WriteAtomically(assemblyName, script.Assembly);
            WriteAtomically(pdbName, script.Pdb);
            var manifest = new CacheManifest(assemblyName, pdbName, script.Sources.ToArray(), script.References.ToArray());
            if (manifest.Write() is not { } text)
            {
                return false; // a path with a line break cannot be recorded; such a script is simply not cached
            }

            WriteAtomically($"{key}{CacheManifest.Extension}", Encoding.UTF8.GetBytes(text));
            File.SetLastWriteTimeUtc(ManifestPath(key), clock.GetUtcNow().UtcDateTime); // pruning goes by this clock
            PruneIfDue();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Deletes every entry, of this cache format and of older ones; returns how many compiled scripts were removed.</summary>
    public int Clear()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var count = 0;
        foreach (var entries in System.IO.Directory.GetDirectories(Directory, "scripts-v*"))
        {
            // Format 1 wrote KEY.json manifests.
            count += System.IO.Directory.GetFiles(entries, "*" + CacheManifest.Extension).Length + System.IO.Directory.GetFiles(entries, "*.json").Length;
            System.IO.Directory.Delete(entries, recursive: true);
        }

        // The evaluated models of graph, impact and plan (see ModelCache) go with the scripts they came from.
        foreach (var entries in System.IO.Directory.GetDirectories(Directory, "models-v*"))
        {
            count += System.IO.Directory.GetFiles(entries, "*.model").Length;
            System.IO.Directory.Delete(entries, recursive: true);
        }

        return count;
    }

    /// <summary>Removes entries unused for <see cref="UnusedLifetime"/>, at most once a day.</summary>
    public void PruneIfDue()
    {
        var marker = Path.Combine(EntriesDirectory, ".last-prune");
        var now = clock.GetUtcNow().UtcDateTime;
        if (File.Exists(marker) && now - File.GetLastWriteTimeUtc(marker) < PruneInterval)
        {
            return;
        }

        File.WriteAllBytes(marker, []);
        File.SetLastWriteTimeUtc(marker, now);
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.GetFiles(EntriesDirectory, "*" + CacheManifest.Extension))
        {
            if (now - File.GetLastWriteTimeUtc(path) > UnusedLifetime)
            {
                File.Delete(path);
                continue;
            }

            if (ReadManifest(path) is { } manifest)
            {
                live.Add(manifest.Assembly);
                live.Add(manifest.Pdb);
            }
        }

        // Assemblies and PDBs no manifest names (expired or replaced entries) go too, once
        // old enough that no racing run can be about to name them.
        foreach (var file in System.IO.Directory.GetFiles(EntriesDirectory))
        {
            var name = Path.GetFileName(file);
            var isBinary = name.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".pdb", StringComparison.Ordinal);
            if (isBinary && !live.Contains(name) && now - File.GetLastWriteTimeUtc(file) > PruneInterval)
            {
                File.Delete(file);
            }
        }
    }

    private static CacheManifest? ReadManifest(string path) => CacheManifest.Read(BoundedFile.ReadAllText(path, ManifestLimit));

    /// <summary>
    /// The bytes of an entry's assembly or PDB, or null unless they are exactly what was stored: a
    /// plain name in this folder, a regular file of bounded size, whose hash is the one in its name.
    /// A truncated, random or swapped file is then a miss, never a BadImageFormatException.
    /// </summary>
    private byte[]? ReadVerified(string name, string extension)
    {
        if (name.AsSpan().IndexOfAny('/', '\\') >= 0 || !name.EndsWith(extension, StringComparison.Ordinal) || name.Length < extension.Length + 17
            || name[^(extension.Length + 17)] != '-')
        {
            return null;
        }

        var bytes = BoundedFile.ReadAllBytes(Path.Combine(EntriesDirectory, name), BoundedFile.BinaryLimit);
        return FileHash.Of(bytes) == name[^(extension.Length + 16)..^extension.Length] ? bytes : null;
    }

    private string ManifestPath(string key) => Path.Combine(EntriesDirectory, $"{key}{CacheManifest.Extension}");

    private static bool IsUnchanged(SourceDependency dependency) => FileHash.OfFile(dependency.Path) == dependency.Hash;

    private void WriteAtomically(string name, byte[] bytes)
    {
        var temporary = Path.Combine(EntriesDirectory, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, Path.Combine(EntriesDirectory, name), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
