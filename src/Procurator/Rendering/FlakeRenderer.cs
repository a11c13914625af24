using Procurator.Model;
using Scriban;

namespace Procurator.Rendering;

/// <summary>The generated files of a workspace, as text: nothing is written here.</summary>
internal sealed record GeneratedFiles(string FlakeNix, string ProcuratorJson)
{
    public IEnumerable<(string Name, string Content)> All =>
        [("flake.nix", FlakeNix), ("procurator.json", ProcuratorJson)];
}

/// <summary>Renders the master flake through its Scriban template, and the model JSON beside it.</summary>
internal static class FlakeRenderer
{
    public static GeneratedFiles Render(WorkspaceModel model, string scriptName, TemplateSource templates)
    {
        var template = templates.Load("flake.nix.scriban");
        // No loop limit: a big workspace has thousands of shells, exports and apps.
        var context = new TemplateContext { StrictVariables = true, NewLine = "\n", LoopLimit = int.MaxValue };
        context.PushGlobal(FlakeViewModel.Create(model, scriptName));
        string flake;
        try
        {
            flake = template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException exception)
        {
            throw RenderingException.RenderFailed(template.SourceFilePath ?? "flake.nix.scriban", exception.Message);
        }

        return new GeneratedFiles(flake, ModelJson.Serialize(model));
    }
}
