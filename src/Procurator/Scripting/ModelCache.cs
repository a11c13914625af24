using System.Text;
using Procurator.Model;
using Procurator.Rendering;

namespace Procurator.Scripting;

/// <summary>
/// Evaluated models on disk, beside the compile cache, so <c>graph</c>, <c>impact</c>
/// and <c>plan</c> on an unchanged workspace read the model instead of running the script,
/// validating and resolving again. An entry (<c>models-v1/KEY.model</c>, see
/// <see cref="ModelCacheEntry"/>) is keyed like a compiled script (script path and bytes, engine,
/// SDK, compiler and runtime builds) and the output folder, and is used only while every
/// <c>#load</c>ed file and <c>#r</c>eferenced assembly hashes as it did and each project folder
/// and its <c>flake.nix</c> exist as they did (the only files validation and resolution look at).
/// Only a model that loaded without any diagnostic is stored, so a hit prints what a miss
/// would. Like the compile cache, a folder that cannot be read or written is skipped.
/// </summary>
internal sealed class ModelCache(string directory)
{
    public const int FormatVersion = 1;

    private string EntriesDirectory => Path.Combine(directory, $"models-v{FormatVersion}");

    /// <summary>The key of a workspace: its compile-cache key and where its files are written.</summary>
    public static string KeyFor(WorkspaceLayout layout, byte[] code, Toolchain toolchain) =>
        FileHash.Of(Encoding.UTF8.GetBytes($"{ScriptCacheKey.For(layout.ScriptPath, code, toolchain)}\n{layout.OutputDirectory}"));

    /// <summary>The cached model and the files it was made from, or null when there is none or it is stale.</summary>
    public ModelCacheEntry? TryLoad(string key, WorkspaceLayout layout)
    {
        try
        {
            var path = EntryPath(key);
            if (!File.Exists(path) || ModelCacheEntry.Read(path, File.ReadAllBytes(path)) is not { } entry)
            {
                return null;
            }

            foreach (var input in entry.Inputs)
            {
                if (FileHash.OfFile(input.Path) != input.Hash)
                {
                    return null;
                }
            }

            return ModelCacheEntry.FoldersOf(entry.Model, layout) == entry.Folders ? entry : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores a model; returns false when the folder cannot be written or a path cannot be recorded.</summary>
    public bool TryStore(string key, WorkspaceModel model, IReadOnlyList<SourceDependency> inputs, IReadOnlyList<string> sourceFiles, WorkspaceLayout layout)
    {
        if (inputs.Count == 0 || ModelCacheEntry.Write(model, inputs, sourceFiles, ModelCacheEntry.FoldersOf(model, layout)) is not { } bytes)
        {
            return false;
        }

        var temporary = Path.Combine(EntriesDirectory, $".{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(EntriesDirectory);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, EntryPath(key), overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private string EntryPath(string key) => Path.Combine(EntriesDirectory, key + ".model");
}
