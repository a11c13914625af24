using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Rendering;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// <c>up --model FILE</c>: the workspace from a generated <c>procurator.json</c> instead of its script
/// (what the master flake's <c>nix run .#up</c> does). Project paths in the file are relative to
/// its folder, which is the workspace folder.
/// </summary>
internal static class ModelFileLoader
{
    // A model file has no script lines; its problems are placed in the file (PlanProblemLocator).
    private static readonly IReadOnlyDictionary<string, ScriptSite> NoSites = new Dictionary<string, ScriptSite>();

    public static async Task<(WorkspaceModel? Model, string Directory, IReadOnlyDictionary<string, ScriptSite> Sites, int ExitCode)> LoadAsync(CliContext cli, CommandOutput output, string modelFile)
    {
        var path = cli.FullPath(modelFile);
        var directory = Path.GetDirectoryName(path)!;
        if (!File.Exists(path))
        {
            await output.DiagnosticsAsync([Diagnostic.Error(ErrorCodes.InvalidModelFile,
                $"model file '{modelFile}' was not found (looked in {cli.CurrentDirectory}); generate it with `procurator run`", null)]);
            return (null, directory, NoSites, ExitCodes.ScriptError);
        }

        var (model, diagnostics) = ModelJsonReader.ReadFile(path);
        await output.DiagnosticsAsync(diagnostics);
        if (model is null)
        {
            var errors = diagnostics.Count(d => d.IsError);
            await output.ProblemAsync($"procurator: {errors} error{(errors == 1 ? "" : "s")} in the model file; nothing was started");
            return (null, directory, NoSites, ExitCodes.Invalid);
        }

        return (model, directory, NoSites, ExitCodes.Ok);
    }
}
