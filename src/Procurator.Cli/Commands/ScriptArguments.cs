namespace Procurator.Cli.Commands;

/// <summary>Commands that take <c>[FILE] NAME...</c>: the first argument is the script when it ends in <c>.csx</c>.</summary>
internal static class ScriptArguments
{
    public static (string Script, string[] Names) Split(string[] args) =>
        args is [var first, .. var rest] && first.EndsWith(".csx", StringComparison.Ordinal)
            ? (first, rest)
            : (CommonOptions.DefaultScript, args);
}
