namespace Procurator.Cli;

/// <summary>What the process exit code means, the same for every command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Validation errors, generated files that drifted (<c>run --check</c>), or files <c>init</c> would overwrite.</summary>
    public const int Invalid = 1;

    /// <summary>The script did not compile or threw while running.</summary>
    public const int ScriptError = 2;

    /// <summary>The command line was wrong (as sysexits' EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>
    /// A template given with <c>--templates</c> is broken, or a generated file does not parse
    /// (a bug; nothing is written) (as sysexits' EX_SOFTWARE).
    /// </summary>
    public const int TemplateError = 70;
}
