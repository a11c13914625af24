using System.CommandLine;
using System.CommandLine.Parsing;
using Procurator.Scripting;

namespace Procurator.Cli.Commands;

/// <summary>How diagnostics are printed: for people, or as one JSON object for tools.</summary>
internal enum OutputFormat
{
    Text,
    Json,

    /// <summary>SARIF 2.1.0, for code-scanning tools (<c>procurator check</c>).</summary>
    Sarif,
}

/// <summary>What every command that evaluates a script was asked for.</summary>
internal sealed record ScriptRequest(string Script, bool NoCache, double TimeoutSeconds, bool Verbose, OutputFormat Format)
{
    public EvaluationOptions EvaluationOptions(CliContext cli) => new(NoCache ? null : cli.Cache(), TimeSpan.FromSeconds(TimeoutSeconds));
}

/// <summary>The script argument and the options every evaluating command shares, made fresh per command.</summary>
internal sealed class CommonOptions
{
    public const string DefaultScript = "procurator.csx";
    private const double MaxTimeoutSeconds = 2_000_000;

    private readonly Argument<string> _script = ScriptArgument();
    private readonly Option<bool> _noCache = new("--no-cache") { Description = "Compile the script even when a cached compilation is valid, and store nothing" };
    private readonly Option<double> _timeout = new("--timeout")
    {
        Description = "Stop a script that runs longer than this many seconds",
        DefaultValueFactory = _ => EvaluationOptions.DefaultTimeout.TotalSeconds,

        // Parsed here rather than by System.CommandLine's converters, whose set-up costs a
        // warm run more time than the parse itself.
        CustomParser = ParseTimeout,
    };

    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Say whether the compile cache was used; print full stack traces of script exceptions" };
    private readonly Option<OutputFormat> _format = new("--format") { Description = "text, or json: one JSON object with every diagnostic (file, line, column, severity, code, message)" };

    private readonly bool _withFormat;
    private readonly bool _withScript;

    /// <param name="withFormat">False for commands whose <c>--format</c> chooses their own output (graph, impact, plan).</param>
    /// <param name="withScript">False for commands that take the script among other arguments (impact).</param>
    /// <param name="timeoutDescription">What <c>--timeout</c> also bounds for this command (<c>up --wait</c>), replacing the default help text.</param>
    public CommonOptions(bool withFormat = true, bool withScript = true, string? timeoutDescription = null)
    {
        _withFormat = withFormat;
        _withScript = withScript;
        if (timeoutDescription is not null)
        {
            _timeout.Description = timeoutDescription;
        }
    }

    /// <summary>The <c>--timeout</c> seconds the user gave, or null when it was left at its default.</summary>
    public double? GivenTimeout(ParseResult parse) => parse.GetResult(_timeout) is { Implicit: false } ? parse.GetValue(_timeout) : null;

    public void AddTo(Command command)
    {
        if (_withScript)
        {
            command.Arguments.Add(_script);
        }

        command.Options.Add(_noCache);
        command.Options.Add(_timeout);
        command.Options.Add(_verbose);
        if (_withFormat)
        {
            command.Options.Add(_format);
        }
    }

    public ScriptRequest Read(ParseResult parse) => new(
        _withScript ? parse.GetValue(_script)! : DefaultScript, parse.GetValue(_noCache), parse.GetValue(_timeout), parse.GetValue(_verbose), parse.GetValue(_format));

    private static double ParseTimeout(ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (!double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            result.AddError($"Cannot parse argument '{token}' for option '--timeout' as expected type 'System.Double'.");
            return 0;
        }

        // The watchdog's wait takes at most int.MaxValue milliseconds (about 24 days).
        if (seconds is <= 0 or double.NaN or > MaxTimeoutSeconds)
        {
            result.AddError($"--timeout must be a positive number of seconds, at most {MaxTimeoutSeconds}.");
        }

        return seconds;
    }

    private static Argument<string> ScriptArgument()
    {
        var argument = new Argument<string>("file")
        {
            Description = $"The workspace script (default: {DefaultScript} in the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultScript,
        };
        return RefusingOptions(argument);
    }

    /// <summary>An unknown option would otherwise be taken for the argument's value (a file or folder name).</summary>
    public static Argument<string> RefusingOptions(Argument<string> argument)
    {
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
