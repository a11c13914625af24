using System.CommandLine;

namespace Procurator.Cli.Commands;

/// <summary>Arguments and options several commands share, made fresh for each command.</summary>
internal static class CommonOptions
{
    public const string DefaultScript = "procurator.csx";

    public static Argument<string> ScriptArgument() => new("file")
    {
        Description = $"The workspace script (default: {DefaultScript} in the current folder)",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => DefaultScript,
    };
}
