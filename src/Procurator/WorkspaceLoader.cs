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

    /// <summary>How the compiled script was obtained: "hit", "miss" or "off".</summary>
    public string Cache { get; init; } = "off";

    /// <summary>The policies the script switched on, for <c>procurator check</c>.</summary>
    public IReadOnlyList<Policies.PolicyUse> Policies { get; init; } = [];

    /// <summary>Where each project and service was declared: policy findings point there.</summary>
    public IReadOnlyDictionary<string, ScriptSite> TargetSites { get; init; } = new Dictionary<string, ScriptSite>();

    /// <summary>How the model was obtained from the model cache: "hit", "miss" or "off".</summary>
    public string ModelCache { get; init; } = "off";

    /// <summary>What the script was made from, with hashes; a model cache entry is valid while they are unchanged.</summary>
    public IReadOnlyList<SourceDependency> Inputs { get; init; } = [];

    /// <summary>Time spent per step, for <c>--verbose</c>.</summary>
    public IReadOnlyList<Diagnostics.StepTime> Timings { get; init; } = [];
}

/// <summary>The front of the pipeline: evaluate the script, validate what it declares, resolve the model.</summary>
internal static class WorkspaceLoader
{
    private static Dictionary<string, ScriptSite> TargetSitesOf(WorkspaceDeclarations declarations, NameTable names)
    {
        var sites = new Dictionary<string, ScriptSite>(StringComparer.Ordinal);
        foreach (var (_, name, site) in declarations.Named)
        {
            sites.TryAdd(name, site);
        }

        foreach (var (name, site) in names.ImplicitServices)
        {
            sites.TryAdd(name, site);
        }

        return sites;
    }

    /// <summary>
    /// <see cref="Load(string, string?, EvaluationOptions, CancellationToken)"/> through the model cache: an unchanged workspace's model is read back
    /// instead of evaluated, validated and resolved; a model that loaded cleanly is stored.
    /// </summary>
    public static LoadResult Load(
        string scriptPath, string? outputDirectory, EvaluationOptions options, ModelCache? models, CancellationToken cancellationToken = default)
    {
        if (models is null || !File.Exists(scriptPath))
        {
            return Load(scriptPath, outputDirectory, options, cancellationToken);
        }

        var layout = WorkspaceLayout.For(scriptPath, outputDirectory);
        var timer = new Diagnostics.StepTimer();
        var key = ModelCache.KeyFor(layout, File.ReadAllBytes(layout.ScriptPath), options.Toolchain);
        if (models.TryLoad(key, layout) is { } entry)
        {
            timer.Lap("read model");
            return new LoadResult(entry.Model, [], layout, entry.SourceFiles, ScriptFailed: false)
            {
                Cache = "not used",
                ModelCache = "hit",
                Inputs = entry.Inputs,
                Timings = timer.Steps,
            };
        }

        var result = Load(scriptPath, outputDirectory, options, cancellationToken);
        if (result.Model is { } model && result.Diagnostics.Count == 0)
        {
            models.TryStore(key, model, result.Inputs, result.SourceFiles, layout);
        }

        return result with { ModelCache = "miss" };
    }

    public static LoadResult Load(
        string scriptPath, string? outputDirectory, EvaluationOptions options, CancellationToken cancellationToken = default)
    {
        var layout = WorkspaceLayout.For(scriptPath, outputDirectory);

        // 1. Evaluate: compile and run the script; its errors stop here.
        var timer = new Diagnostics.StepTimer();
        var evaluation = ScriptEvaluator.Evaluate(scriptPath, options, cancellationToken);
        timer.Lap("evaluate");
        if (!evaluation.Succeeded)
        {
            return new LoadResult(null, evaluation.Diagnostics, layout, evaluation.SourceFiles, ScriptFailed: true) { Cache = evaluation.Cache, Timings = timer.Steps };
        }

        // 2. Resolve names once, then validate everything against them.
        var declarations = evaluation.Declarations!;
        var names = new NameTable(declarations);
        var diagnostics = WorkspaceValidator.Validate(declarations, names, layout, new SourceLocator());
        timer.Lap("validate");
        if (diagnostics.Any(d => d.IsError))
        {
            return new LoadResult(null, diagnostics, layout, evaluation.SourceFiles, ScriptFailed: false) { Cache = evaluation.Cache, Timings = timer.Steps };
        }

        // 3. Build the immutable model.
        var model = WorkspaceResolver.Resolve(declarations, names, layout);
        timer.Lap("resolve");
        return new LoadResult(model, diagnostics, layout, evaluation.SourceFiles, ScriptFailed: false)
        {
            Cache = evaluation.Cache,
            Inputs = evaluation.Inputs,
            Timings = timer.Steps,
            Policies = declarations.Policies.Where(p => p.Policy is not null).Select(p => new Policies.PolicyUse(p.Policy!, p.Team?.Value, p.Site)).ToArray(),
            TargetSites = TargetSitesOf(declarations, names),
        };
    }
}
