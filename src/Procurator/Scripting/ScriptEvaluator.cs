using Procurator.Diagnostics;

namespace Procurator.Scripting;

/// <summary>How to evaluate: the compile cache (null: off) and the time a script may run.</summary>
internal sealed record EvaluationOptions(ScriptCache? Cache, TimeSpan Timeout)
{
    /// <summary>What the cache key takes besides the script; tests vary it.</summary>
    public Toolchain Toolchain { get; init; } = Toolchain.Current;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static EvaluationOptions Default { get; } = new(null, DefaultTimeout);
}

/// <summary>
/// Evaluates a <c>procurator.csx</c>: the compiled script from the cache when it is still
/// valid, else compiled by Roslyn (and stored); then run, collecting what it declares.
/// </summary>
internal static class ScriptEvaluator
{
    public static EvaluationResult Evaluate(string scriptPath, EvaluationOptions options, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(scriptPath);
        if (!File.Exists(fullPath))
        {
            var missing = Diagnostic.Error(ErrorCodes.ScriptNotFound, $"script '{scriptPath}' was not found", null);
            return new EvaluationResult(null, [missing], []);
        }

        // 1. Look up the compiled script: the key covers the script, SDK, compiler and runtime.
        byte[] code;
        try
        {
            code = IO.BoundedFile.ReadAllBytes(fullPath);
        }
        catch (IO.UnreadableFileException exception)
        {
            var unreadable = Diagnostic.Error(ErrorCodes.UnsupportedFile, $"script '{scriptPath}' {exception.Reason}; it was not read", new SourceLocation(fullPath, 1, 1));
            return new EvaluationResult(null, [unreadable], []);
        }

        var key = ScriptCacheKey.For(fullPath, code, options.Toolchain);
        var compiled = options.Cache?.TryLoad(key);
        var cacheState = options.Cache is null ? "off" : compiled is null ? "miss" : "hit";

        // 2. On a miss, compile (the only step that loads Roslyn) and store it for next time.
        if (compiled is null)
        {
            var (script, errors) = Compile(fullPath, code, cancellationToken);
            if (script is null)
            {
                return new EvaluationResult(null, errors, errors.Select(e => e.Location?.File).OfType<string>().Distinct().ToArray()) { Cache = cacheState };
            }

            compiled = script;
            options.Cache?.TryStore(key, compiled);
        }

        // 3. Run it.
        var result = ScriptRunner.Run(compiled, options.Timeout, cancellationToken);
        return result with { Cache = cacheState, Inputs = [.. compiled.Sources, .. compiled.References] };
    }

    // Kept apart so that the JIT loads Roslyn only when this method runs, never on a cache hit.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (CompiledScript? Script, IReadOnlyList<Diagnostic> Errors) Compile(string fullPath, byte[] code, CancellationToken cancellationToken) =>
        ScriptCompiler.Compile(fullPath, code, cancellationToken);
}
