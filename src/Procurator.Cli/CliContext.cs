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

    /// <summary>Finds the <c>nix</c> executable (null when there is none); tests can pretend it is missing.</summary>
    public Func<string?> FindNix { get; init; } = Policies.NixFlakeCheck.FindNix;

    public Scripting.ScriptCache Cache() => new(CacheDirectory ?? Scripting.ScriptCache.DefaultDirectory(), Clock);

    /// <summary>True when <see cref="Out"/> and <see cref="Error"/> are the process's own stdout and stderr.</summary>
    public bool IsConsole { get; init; }

    /// <summary>
    /// stdout and stderr as UTF-8 writers, flushed on every write. Not <see cref="System.Console.Out"/>:
    /// that one first works out the terminal's encoding, which costs more than most commands.
    /// </summary>
    public static CliContext Console() => new(Writer(System.Console.OpenStandardOutput()), Writer(System.Console.OpenStandardError()), Environment.CurrentDirectory)
    {
        IsConsole = true,
    };

    // Synchronized, as Console.Out is: its async writes complete at once instead of queueing
    // each line to the thread pool.
    private static TextWriter Writer(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });

    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
