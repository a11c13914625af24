using Procurator.Diagnostics;
using Procurator.Output.Manifests;
using Procurator.Rendering;

namespace Procurator.Output.Targets.Kubernetes;

/// <summary>
/// <c>procurator export kubernetes</c>: a folder <c>kubectl apply -k</c> takes, one file per object
/// (see <see cref="KubernetesManifests"/>) and a <c>kustomization.yaml</c> listing them, in
/// <paramref name="directory"/>. Every file carries the generated marker, so a later export replaces
/// it and a hand-written file in the way is refused.
/// </summary>
internal sealed class KubernetesTarget(string directory) : IOutputTarget
{
    public const string Kustomization = "kustomization.yaml";

    public string Name => "kubernetes";

    /// <summary>Errors (a project without an image, a name Kubernetes refuses) and warnings (a log-line check, a service without an image).</summary>
    public IReadOnlyList<Diagnostic> Problems(OutputContext context) => KubernetesManifests.Build(context).Diagnostics;

    public IReadOnlyList<OutputFile> Render(OutputContext context)
    {
        var manifests = KubernetesManifests.Build(context);
        var source = $"{GeneratedMarker.Text} from {context.ScriptName} (procurator export kubernetes); do not edit: change the script and export again.";
        var files = new List<OutputFile>();
        var resources = new List<object>();
        foreach (var manifest in manifests.Objects)
        {
            files.Add(File(manifest.FileName, YamlText.Write(manifest.Body, [source, .. manifest.Notes])));
            resources.Add(manifest.FileName);
        }

        var kustomization = new YamlMap()
            .Add("apiVersion", "kustomize.config.k8s.io/v1beta1")
            .Add("kind", "Kustomization")
            .Add("resources", resources);
        files.Insert(0, File(Kustomization, YamlText.Write(kustomization, [source, "Apply with: kubectl apply -k <this folder>"])));
        return files;
    }

    private OutputFile File(string name, string content) =>
        new(Path.Combine(directory, name), content, $"Kubernetes manifest {name}", FileSyntax.Yaml, GeneratedMark.Comment);
}
