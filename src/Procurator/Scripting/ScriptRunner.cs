using System.Diagnostics;
using System.Reflection;
using Procurator.Diagnostics;

namespace Procurator.Scripting;

/// <summary>
/// Runs a compiled script and collects what it declares. The script runs on a pool thread
/// under a watchdog: a script that loops forever is abandoned after the timeout, and the
/// CLI then exits, which ends the thread (a .NET thread cannot be killed from outside).
/// </summary>
internal static class ScriptRunner
{
    public static EvaluationResult Run(CompiledScript script, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sourceFiles = script.SourceFiles.ToArray();
        var context = new ScriptLoadContext(script.References.Select(r => r.Path));
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(script.Assembly), new MemoryStream(script.Pdb));
            // GetTypes and a name compare: GetType(string) starts a type-name parser that costs more.
            var factory = Array.Find(assembly.GetTypes(), t => t.Name == "Submission#0")?.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException("The compiled script has no Submission#0.<Factory> entry point.");

            var declarations = new WorkspaceDeclarations();
            using (DslContext.Begin(declarations))
            {
                // Slot 0 holds the globals (none), slot 1 the submission itself.
                // On a thread of its own (LongRunning): starting the thread pool for one work item costs more.
                var run = Task.Factory.StartNew(
                    () => (Task<object>)factory.Invoke(null, [new object?[] { null, null }])!,
                    cancellationToken,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default).Unwrap();
                try
                {
                    // A blocking wait, not an await: nothing else runs meanwhile, and a chain of
                    // awaits that never suspend costs a warm run far less start-up.
                    if (!run.Wait(timeout, cancellationToken))
                    {
                        return new EvaluationResult(null, [TimedOut(timeout, script)], sourceFiles);
                    }
                }
                catch (AggregateException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (AggregateException exception)
                {
                    return new EvaluationResult(null, [RuntimeError(exception.InnerException ?? exception, sourceFiles)], sourceFiles);
                }
            }

            return new EvaluationResult(declarations, [], sourceFiles);
        }
        finally
        {
            context.Unload();
        }
    }

    private static Diagnostic TimedOut(TimeSpan timeout, CompiledScript script)
    {
        var main = script.Sources.FirstOrDefault()?.Path;
        return Diagnostic.Error(ErrorCodes.ScriptTimeout,
            $"the script did not finish within {timeout.TotalSeconds:0.###} s and was stopped (does it loop forever or wait on something?); raise the limit with --timeout SECONDS",
            main is null ? null : new SourceLocation(main, 1, 1));
    }

    /// <summary>An exception thrown by the script, located at its first frame inside the script's files.</summary>
    private static Diagnostic RuntimeError(Exception exception, IReadOnlyCollection<string> sourceFiles)
    {
        var inner = exception is TargetInvocationException { InnerException: { } e } ? e : exception;
        var frames = new StackTrace(inner, fNeedFileInfo: true).GetFrames()
            .Where(f => f.GetFileName() is { } file && sourceFiles.Contains(file, StringComparer.Ordinal))
            .Take(2)
            .ToArray();

        // Thrown by the guard every script method starts with (ScriptStackGuard): the innermost
        // frame is a method's entry, its caller the line that recurses. The column would point
        // into the inserted guard, so the line's first column is given.
        var overflow = inner is InsufficientExecutionStackException;
        var frame = overflow && frames.Length > 1 ? frames[1] : frames.FirstOrDefault();
        SourceLocation? location = frame is null
            ? null
            : new SourceLocation(frame.GetFileName()!, frame.GetFileLineNumber(), overflow ? LineStart(frame) : FirstColumn(frame));
        var message = overflow
            ? "stack overflow: recursion too deep (does a method call itself without end?)"
            : $"{inner.GetType().Name}: {inner.Message}";
        return Diagnostic.Error(ErrorCodes.ScriptRuntimeError, message, location) with
        {
            Detail = inner.ToString(),
        };
    }

    /// <summary>The frame's column, or the first non-blank column of its line when the PDB has none.</summary>
    private static int FirstColumn(StackFrame frame) =>
        frame.GetFileColumnNumber() > 0 ? frame.GetFileColumnNumber() : LineStart(frame);

    /// <summary>The first non-blank column of the frame's line.</summary>
    private static int LineStart(StackFrame frame)
    {
        var lines = File.Exists(frame.GetFileName()) ? File.ReadAllLines(frame.GetFileName()!) : [];
        var line = frame.GetFileLineNumber() - 1;
        return line >= 0 && line < lines.Length ? lines[line].Length - lines[line].TrimStart().Length + 1 : 1;
    }
}
