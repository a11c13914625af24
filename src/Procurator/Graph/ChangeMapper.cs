using Procurator.Model;

namespace Procurator.Graph;

/// <summary>A changed file and the nodes it changes.</summary>
internal sealed record ChangedFile(string Path, IReadOnlyList<string> Nodes, string Reason);

/// <summary>
/// Maps changed files to nodes: a file belongs to the project whose folder is the longest
/// prefix of its path; the workspace script, its <c>#load</c>ed files and <c>flake.lock</c>
/// change every project; other files change nothing.
/// </summary>
internal static class ChangeMapper
{
    public static IReadOnlyList<ChangedFile> Map(
        IEnumerable<string> files, WorkspaceModel model, string outputDirectory, IEnumerable<string> workspaceFiles)
    {
        var everything = model.Projects.Select(p => GraphNode.IdOf(NodeKinds.Project, p.Name)).ToArray();
        var global = workspaceFiles.Append(Path.Combine(outputDirectory, "flake.lock")).ToHashSet(StringComparer.Ordinal);
        var folders = model.Projects
            .Select(p => (Folder: Path.GetFullPath(Path.Combine(outputDirectory, p.Path)), Id: GraphNode.IdOf(NodeKinds.Project, p.Name)))
            .OrderByDescending(p => p.Folder.Length)
            .ToArray();

        var mapped = new List<ChangedFile>();
        foreach (var file in files)
        {
            if (global.Contains(file))
            {
                mapped.Add(new ChangedFile(file, everything, "workspace file: every project"));
                continue;
            }

            var owner = folders.FirstOrDefault(p => IsUnder(file, p.Folder));
            mapped.Add(owner.Id is null
                ? new ChangedFile(file, [], "in no project")
                : new ChangedFile(file, [owner.Id], $"in {owner.Id}"));
        }

        return mapped;
    }

    private static bool IsUnder(string file, string folder) =>
        file.StartsWith(folder.EndsWith('/') ? folder : folder + "/", StringComparison.Ordinal);
}
