using System.Text;
using Procurator.Model;
using Procurator.Rendering;

namespace Procurator.Scripting;

/// <summary>
/// One model-cache entry: the files the script was made from, what the project folders held,
/// and the model as <c>procurator.json</c> writes it (read back by <see cref="ModelJsonReader"/>,
/// which is tested to give an equal model):
/// <code>
/// procurator-model 1
/// source HASH /path/to/procurator.csx
/// reference HASH /path/to/Some.dll
/// folders DF DF D- ...
/// model
/// { ...procurator.json... }
/// </code>
/// </summary>
internal sealed record ModelCacheEntry(WorkspaceModel Model, IReadOnlyList<SourceDependency> Inputs, IReadOnlyList<string> SourceFiles, string Folders)
{
    private const string Header = "procurator-model 1";

    /// <summary>
    /// For each project, in model order: <c>D</c> when its folder exists, <c>F</c> when it holds a
    /// <c>flake.nix</c>. Validation warns about a missing folder and resolution makes a flake input
    /// of a <c>flake.nix</c>: the model depends on these and on nothing else outside the script.
    /// </summary>
    public static string FoldersOf(WorkspaceModel model, WorkspaceLayout layout)
    {
        var facts = new StringBuilder(model.Projects.Count * 3);
        foreach (var project in model.Projects)
        {
            var folder = Path.GetFullPath(Path.Combine(layout.OutputDirectory, project.Path));
            facts.Append(Directory.Exists(folder) ? 'D' : '-').Append(File.Exists(Path.Combine(folder, "flake.nix")) ? 'F' : '-').Append(' ');
        }

        return facts.ToString();
    }

    /// <summary>The entry's bytes, or null when a path holds a line break.</summary>
    public static byte[]? Write(WorkspaceModel model, IReadOnlyList<SourceDependency> inputs, IReadOnlyList<string> sourceFiles, string folderFacts)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var input in inputs)
        {
            if (input.Path.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                return null;
            }

            text.Append(sourceFiles.Contains(input.Path, StringComparer.Ordinal) ? "source " : "reference ").Append(input.Hash).Append(' ').Append(input.Path).Append('\n');
        }

        text.Append("folders ").Append(folderFacts).Append('\n').Append("model\n").Append(ModelJson.Serialize(model));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The entry in <paramref name="bytes"/>, or null when it is not one (torn, foreign, another format).</summary>
    public static ModelCacheEntry? Read(string path, byte[] bytes)
    {
        var inputs = new List<SourceDependency>();
        var sources = new List<string>();
        string? folders = null;
        var position = 0;
        var first = true;
        while (NextLine(bytes, ref position) is { } line)
        {
            if (first)
            {
                if (line != Header)
                {
                    return null;
                }

                first = false;
            }
            else if (line == "model")
            {
                var (model, diagnostics) = ModelJsonReader.Read(path, bytes[position..]);
                return model is null || diagnostics.Count > 0 || folders is null ? null : new ModelCacheEntry(model, inputs, sources, folders);
            }
            else if ((Dependency(line, "source ") ?? Dependency(line, "reference ")) is { } dependency)
            {
                inputs.Add(dependency);
                if (line.StartsWith("source ", StringComparison.Ordinal))
                {
                    sources.Add(dependency.Path);
                }
            }
            else if (line.StartsWith("folders ", StringComparison.Ordinal))
            {
                folders = line[8..];
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    private static SourceDependency? Dependency(string line, string kind)
    {
        if (!line.StartsWith(kind, StringComparison.Ordinal))
        {
            return null;
        }

        var space = line.IndexOf(' ', kind.Length);
        return space > kind.Length && space < line.Length - 1 ? new SourceDependency(line[(space + 1)..], line[kind.Length..space]) : null;
    }

    private static string? NextLine(byte[] bytes, ref int position)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', position);
        if (end < 0)
        {
            return null;
        }

        var line = Encoding.UTF8.GetString(bytes, position, end - position);
        position = end + 1;
        return line;
    }
}
