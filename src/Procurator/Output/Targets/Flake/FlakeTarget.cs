using Procurator.Rendering;

namespace Procurator.Output.Targets.Flake;

/// <summary>The master <c>flake.nix</c>, through its Scriban template (<c>--templates</c> may replace it).</summary>
internal sealed class FlakeTarget : IOutputTarget
{
    public const string FileName = "flake.nix";

    public string Name => "flake";

    public IReadOnlyList<OutputFile> Render(OutputContext context) =>
    [
        new(
            context.InOutputDirectory(FileName),
            context.Templates.Render("flake.nix.scriban", FlakeViewModel.Create(context.Model, context.ScriptName)),
            FileName,
            FileSyntax.Nix,
            GeneratedMark.Comment),
    ];
}
