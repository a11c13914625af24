using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>The generated files of a workspace, as text: nothing is written here.</summary>
internal sealed record GeneratedFiles(string FlakeNix, string ProcuratorJson)
{
    public IEnumerable<(string Name, string Content)> All =>
        [("flake.nix", FlakeNix), ("procurator.json", ProcuratorJson)];
}

/// <summary>
/// Renders the master flake through its Scriban template, and the model JSON beside it; both
/// are parsed before they are returned, so <c>run</c> and <c>check</c> never see a broken file.
/// </summary>
internal static class FlakeRenderer
{
    public static GeneratedFiles Render(WorkspaceModel model, string scriptName, TemplateSource templates)
    {
        var flake = templates.Render("flake.nix.scriban", FlakeViewModel.Create(model, scriptName));
        return new GeneratedFiles(
            GeneratedFileCheck.Nix("flake.nix", flake),
            GeneratedFileCheck.Json("procurator.json", ModelJson.Serialize(model)));
    }
}
