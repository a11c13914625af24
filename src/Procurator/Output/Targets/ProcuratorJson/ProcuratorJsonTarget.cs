using Procurator.Rendering;

namespace Procurator.Output.Targets.ProcuratorJson;

/// <summary><c>procurator.json</c>: the model, which the flake reads with <c>builtins.fromJSON</c> and <c>up --model</c> runs.</summary>
internal sealed class ProcuratorJsonTarget : IOutputTarget
{
    public const string FileName = "procurator.json";

    public string Name => "model";

    public IReadOnlyList<OutputFile> Render(OutputContext context) =>
        [new(context.InOutputDirectory(FileName), ModelJson.Serialize(context.Model), FileName, FileSyntax.Json, GeneratedMark.ModelShape)];
}
