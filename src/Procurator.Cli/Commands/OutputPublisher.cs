using Procurator.Diagnostics;
using Procurator.Output;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary>
/// The one path by which <c>run</c>, <c>check</c> and <c>ci github</c> turn output targets into
/// files: render and parse every file (exit 70 when one does not parse), compare with disk, or,
/// under the output folder's lock, refuse files Procurator did not write (PRO047, unless
/// <c>--force</c>) and write the set atomically.
/// </summary>
internal sealed class OutputPublisher(CliContext cli, CommandOutput output)
{
    // Long enough for a slow `nix flake lock` of another run; a stuck one is said, not waited for ever.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The targets' problems (located diagnostics; an error is exit 1), then every file rendered and parsed;
    /// a broken template or a file that does not parse is a fault of Procurator or <c>--templates</c>
    /// (exit 70). Null files, and the exit code, when the command must stop; reported already.
    /// </summary>
    /// <param name="targets">What the command renders (see <see cref="OutputTargets"/>).</param>
    /// <param name="context">The resolved workspace and its places.</param>
    /// <param name="writes">Whether the command would write: the error then says that nothing was.</param>
    /// <param name="timer">Times each render and parse, for <c>-v</c>.</param>
    public async Task<(IReadOnlyList<OutputFile>? Files, int ExitCode)> RenderAsync(
        IReadOnlyList<IOutputTarget> targets, OutputContext context, bool writes, StepTimer? timer = null)
    {
        // Warnings (what an export cannot say) are printed and the command goes on; an error stops it.
        var problems = targets.SelectMany(t => t.Problems(context)).ToArray();
        await output.DiagnosticsAsync(problems);
        if (problems.Any(p => p.IsError))
        {
            return (null, ExitCodes.Invalid);
        }

        try
        {
            return (OutputSet.Render(targets, context, timer), ExitCodes.Ok);
        }
        catch (RenderingException exception)
        {
            await cli.Error.WriteLineAsync($"procurator: error: {exception.Message}{(writes ? "; nothing was written" : "")}");
            return (null, ExitCodes.TemplateError);
        }
    }

    /// <summary>
    /// Under the lock of <see cref="OutputSet.Directory"/>, so a set on disk always comes from one run:
    /// refuses files in the way unless <paramref name="force"/>, writes the set, then runs
    /// <paramref name="afterWriting"/> (still under the lock). Ok, or the exit code of a failure reported already.
    /// </summary>
    public async Task<int> WriteAsync(OutputSet set, bool force, Func<Task> afterWriting, CancellationToken cancellationToken)
    {
        var (held, timedOut) = await OutputLock.AcquireAsync(set.Directory, LockTimeout, cancellationToken);
        if (timedOut)
        {
            await cli.Error.WriteLineAsync(
                $"procurator: error: another procurator run has been writing to {set.Directory} for {LockTimeout.TotalSeconds:0} s; nothing was written");
            return ExitCodes.Invalid;
        }

        using (held)
        {
            // Never replace a file a person wrote (a hand-written flake.nix) unless asked to.
            var foreign = force ? [] : set.Foreign();
            if (foreign.Count > 0)
            {
                await output.DiagnosticsAsync(foreign.Select(file => Diagnostic.Error(
                    ErrorCodes.NotGeneratedByProcurator, GeneratedMarker.Refusal(Shown(file), file.Mark), new SourceLocation(file.Path, 1, 1))));
                return ExitCodes.Invalid;
            }

            set.Write();
            await afterWriting();
            return ExitCodes.Ok;
        }
    }

    /// <summary>A file's path as the user sees it: relative to the current folder.</summary>
    public string Shown(OutputFile file) => Path.GetRelativePath(cli.CurrentDirectory, file.Path);
}
