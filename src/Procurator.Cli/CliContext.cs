namespace Procurator.Cli;

/// <summary>Where a command writes and what it resolves relative paths against; tests pass their own.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string CurrentDirectory)
{
    /// <summary>The clock the compile cache prunes by.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The compile cache folder; null means the default (see <see cref="Scripting.ScriptCache.DefaultDirectory"/>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Reads compose files for <c>procurator init</c>'s scan; the compose importer plugs in here.</summary>
    public Discovery.IComposeServiceSource ComposeServices { get; init; } = Discovery.ComposeServiceSource.Instance;

    public Scripting.ScriptCache Cache() => new(CacheDirectory ?? Scripting.ScriptCache.DefaultDirectory(), Clock);

    public static CliContext Console() => new(System.Console.Out, System.Console.Error, Environment.CurrentDirectory);

    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
