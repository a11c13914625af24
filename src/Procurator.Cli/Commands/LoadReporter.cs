using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Cli.Commands;

/// <summary>A workspace that loaded: its model and where its files are.</summary>
internal sealed record LoadedWorkspace(WorkspaceModel Model, WorkspaceLayout Layout, IReadOnlyList<string> SourceFiles)
{
    public IReadOnlyList<Policies.PolicyUse> Policies { get; init; } = [];

    public IReadOnlyDictionary<string, ScriptSite> TargetSites { get; init; } = new Dictionary<string, ScriptSite>();
}

/// <summary>
/// The workspace, or the exit code its failure means. A class, not a tuple (see "Warm runs"
/// in docs/ARCHITECTURE.md).
/// </summary>
internal sealed record LoadOutcome(LoadedWorkspace? Workspace, int ExitCode);

/// <summary>Loads a workspace for a command and reports its diagnostics; on failure, says which exit code it means.</summary>
internal static class LoadReporter
{
    public static async Task<LoadOutcome> LoadAsync(
        CliContext cli, ScriptRequest request, CommandOutput output, string? outputDirectory, CancellationToken cancellationToken, bool reuseModel = false)
    {
        var script = cli.FullPath(request.Script);
        if (!File.Exists(script))
        {
            await output.DiagnosticsAsync([Diagnostic.Error(ErrorCodes.ScriptNotFound,
                $"script '{request.Script}' was not found (looked in {cli.CurrentDirectory})", null)]);
            return new LoadOutcome(null, ExitCodes.ScriptError);
        }

        // Only commands that need the model alone reuse a cached one: check runs the script's policies.
        var models = reuseModel && !request.NoCache ? new Scripting.ModelCache(cli.Cache().Directory) : null;
        var result = WorkspaceLoader.Load(
            script, outputDirectory is null ? null : cli.FullPath(outputDirectory), request.EvaluationOptions(cli), models, cancellationToken);
        await output.VerboseAsync($"procurator: {(result.ModelCache == "off" ? "" : $"model cache {result.ModelCache}; ")}compile cache {result.Cache}{(result.Cache == "off" ? "" : $" ({cli.Cache().Directory})")}; " +
            (CompilerLoaded() ? "compiler loaded" : "compiler not loaded") + "; " +
            string.Join(", ", result.Timings));
        await output.DiagnosticsAsync(result.Diagnostics);
        if (result.Model is { } model)
        {
            return new LoadOutcome(new LoadedWorkspace(model, result.Layout, result.SourceFiles) { Policies = result.Policies, TargetSites = result.TargetSites }, ExitCodes.Ok);
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        await output.ProblemAsync($"procurator: {errors} error{(errors == 1 ? "" : "s")}; nothing was written");
        return new LoadOutcome(null, result.ScriptFailed ? ExitCodes.ScriptError : ExitCodes.Invalid);
    }

    // A cache hit must not load Roslyn: that is what makes a warm run fast. Shown with --verbose.
    private static bool CompilerLoaded() => AppDomain.CurrentDomain.GetAssemblies()
        .Any(a => a.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);
}
