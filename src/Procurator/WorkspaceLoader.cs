using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Scripting;
using Procurator.Validation;

namespace Procurator;

/// <summary>What loading a workspace gave: the model when it is valid, and every diagnostic.</summary>
internal sealed record LoadResult(
    WorkspaceModel? Model,
    IReadOnlyList<Diagnostic> Diagnostics,
    WorkspaceLayout Layout,
    IReadOnlyList<string> SourceFiles,
    bool ScriptFailed)
{
    public bool Succeeded => Model is not null;
}

/// <summary>The front of the pipeline: evaluate the script, validate what it declares, resolve the model.</summary>
internal static class WorkspaceLoader
{
    public static async Task<LoadResult> LoadAsync(string scriptPath, string? outputDirectory, CancellationToken cancellationToken = default)
    {
        var layout = WorkspaceLayout.For(scriptPath, outputDirectory);

        // 1. Evaluate: compile and run the script; its errors stop here.
        var evaluation = await ScriptEvaluator.EvaluateAsync(scriptPath, cancellationToken);
        if (!evaluation.Succeeded)
        {
            return new LoadResult(null, evaluation.Diagnostics, layout, evaluation.SourceFiles, ScriptFailed: true);
        }

        // 2. Resolve names once, then validate everything against them.
        var declarations = evaluation.Declarations!;
        var names = new NameTable(declarations);
        var diagnostics = WorkspaceValidator.Validate(declarations, names, layout, new SourceLocator());
        if (diagnostics.Any(d => d.IsError))
        {
            return new LoadResult(null, diagnostics, layout, evaluation.SourceFiles, ScriptFailed: false);
        }

        // 3. Build the immutable model.
        var model = WorkspaceResolver.Resolve(declarations, names, layout);
        return new LoadResult(model, diagnostics, layout, evaluation.SourceFiles, ScriptFailed: false);
    }
}
