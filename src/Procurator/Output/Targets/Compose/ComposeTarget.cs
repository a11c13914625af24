using Procurator.Diagnostics;
using Procurator.Output.Manifests;
using Procurator.Rendering;

namespace Procurator.Output.Targets.Compose;

/// <summary><c>procurator export compose</c>: one compose file at <paramref name="path"/> (see <see cref="ComposeFile"/>).</summary>
internal sealed class ComposeTarget(string path) : IOutputTarget
{
    public string Name => "compose";

    public IReadOnlyList<Diagnostic> Problems(OutputContext context) => ComposeFile.Build(context, Directory).Diagnostics;

    public IReadOnlyList<OutputFile> Render(OutputContext context)
    {
        var file = ComposeFile.Build(context, Directory);
        var header = new[]
        {
            $"{GeneratedMarker.Text} from {context.ScriptName} (procurator export compose); do not edit: change the script and export again.",
            "Run with: docker compose -f <this file> up (or podman compose). Images without a registry are built by the",
            "master flake: nix build .#<project>-image && docker load < result.",
        };
        return [new(path, YamlText.Write(file.Document, header), "compose file", FileSyntax.Yaml, GeneratedMark.Comment)];
    }

    private string Directory => Path.GetDirectoryName(path)!;
}
