namespace Procurator.Compose;

/// <summary>
/// What a compose file is loaded with: the variables of the process environment (they win over
/// <c>.env</c>) and how files are read (null: missing), so tests and the fuzzer stay in memory.
/// </summary>
internal sealed record ComposeLoadOptions(IReadOnlyDictionary<string, string> Environment, Func<string, string?> ReadFile)
{
    /// <summary>Files from disk, with <paramref name="environment"/> (default: none).</summary>
    public static ComposeLoadOptions FromDisk(IReadOnlyDictionary<string, string>? environment = null) =>
        new(environment ?? new Dictionary<string, string>(), ReadFromDisk);

    /// <summary>The current process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);

    private static string? ReadFromDisk(string path)
    {
        try
        {
            return File.Exists(path) ? IO.BoundedFile.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is (IOException and not IO.UnreadableFileException) or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The loaded project, or null when any error was reported; warnings may come with either.</summary>
internal sealed record ComposeLoadResult(ComposeProject? Project, IReadOnlyList<Procurator.Diagnostics.Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
