using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>The generated files of a workspace, as text: nothing is written here.</summary>
internal sealed record GeneratedFiles(string FlakeNix, string ProcuratorJson, string Visualize)
{
    public IEnumerable<(string Name, string Content)> All =>
        [("flake.nix", FlakeNix), ("procurator.json", ProcuratorJson), (VisualizeFile.Name, Visualize)];
}

/// <summary>
/// Renders the master flake through its Scriban template, the model JSON and the visualize app's script beside it; all
/// are parsed before they are returned, so <c>run</c> and <c>check</c> never see a broken file.
/// </summary>
internal static class FlakeRenderer
{
    public static GeneratedFiles Render(WorkspaceModel model, string scriptName, TemplateSource templates, Diagnostics.StepTimer? timer = null)
    {
        var flake = templates.Render("flake.nix.scriban", FlakeViewModel.Create(model, scriptName));
        timer?.Lap("render flake");
        GeneratedFileCheck.Nix("flake.nix", flake);
        timer?.Lap("parse flake");
        var json = GeneratedFileCheck.Json("procurator.json", ModelJson.Serialize(model));
        timer?.Lap("procurator.json");
        var visualize = VisualizeFile.Render(model, scriptName);
        timer?.Lap(VisualizeFile.Name);
        return new GeneratedFiles(flake, json, visualize);
    }
}
