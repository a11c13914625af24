namespace Procurator.Compose;

/// <summary>One parsed compose file, with the variables it was interpolated with.</summary>
internal sealed record ComposeDocument(string File, ComposeMap Root, Func<string, string?> Variables)
{
    public string Directory => Path.GetDirectoryName(File) ?? ".";

    public string Resolve(string relativePath) => Path.GetFullPath(relativePath, Directory);
}

/// <summary>A service as declared (before extends), with the file that declared it.</summary>
internal sealed record ServiceSource(string Name, Procurator.Diagnostics.SourceLocation Location, ComposeMap Node, ComposeDocument Document);
