namespace Procurator.Cli;

/// <summary>Where a command writes and what it resolves relative paths against; tests pass their own.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string CurrentDirectory)
{
    public static CliContext Console() => new(System.Console.Out, System.Console.Error, Environment.CurrentDirectory);

    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
