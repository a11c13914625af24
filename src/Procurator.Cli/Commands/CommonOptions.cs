using System.CommandLine;

namespace Procurator.Cli.Commands;

/// <summary>Arguments and options several commands share, made fresh for each command.</summary>
internal static class CommonOptions
{
    public const string DefaultScript = "procurator.csx";

    public static Argument<string> ScriptArgument()
    {
        var argument = new Argument<string>("file")
        {
            Description = $"The workspace script (default: {DefaultScript} in the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultScript,
        };

        // An unknown option would otherwise be taken for the file name.
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var token }] && token.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{token}'.");
            }
        });
        return argument;
    }
}
