namespace Procurator.Model;

/// <summary>Where the script lives and where the generated files go; project paths are relative to the script.</summary>
internal sealed record WorkspaceLayout(string ScriptPath, string OutputDirectory)
{
    public string ScriptDirectory => Path.GetDirectoryName(ScriptPath)!;

    public static WorkspaceLayout For(string scriptPath, string? outputDirectory)
    {
        var script = Path.GetFullPath(scriptPath);
        return new WorkspaceLayout(script, Path.GetFullPath(outputDirectory ?? Path.GetDirectoryName(script)!));
    }

    /// <summary>The project's folder on disk: its path as written, or <c>./NAME</c>.</summary>
    public string ProjectDirectory(ProjectBuilder project) =>
        Path.GetFullPath(Path.Combine(ScriptDirectory, project.PathAsWritten ?? project.Name));

    /// <summary>A path relative to the output folder, as <c>./a/b</c> or <c>.</c>, or null when outside it.</summary>
    public string? RelativeToOutput(string directory)
    {
        var relative = Path.GetRelativePath(OutputDirectory, directory).Replace('\\', '/');
        if (relative == ".")
        {
            return ".";
        }

        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : "./" + relative;
    }
}
