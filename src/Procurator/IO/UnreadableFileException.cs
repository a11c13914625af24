namespace Procurator.IO;

/// <summary>A file Procurator refuses to read: not a regular file, or larger than its cap. The message says which.</summary>
internal sealed class UnreadableFileException(string path, string reason) : IOException($"{path} {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
