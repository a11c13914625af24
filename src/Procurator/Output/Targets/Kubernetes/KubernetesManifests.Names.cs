using Procurator.Diagnostics;
using Procurator.Output.Export;
using Procurator.Output.Manifests;

namespace Procurator.Output.Targets.Kubernetes;

internal sealed partial class KubernetesManifests
{
    /// <summary>
    /// Every object and container name is a DNS-1123 label (at most 63 characters), and no two
    /// objects of one kind share a name (<c>api-migrate</c> as a project and as api's task).
    /// </summary>
    private void CheckNames()
    {
        var seen = new Dictionary<string, ManifestObject>(StringComparer.Ordinal);
        foreach (var manifest in _objects)
        {
            if (!ExportNames.IsLabel(manifest.Name))
            {
                Clash(manifest.Owner, $"{manifest.Kind} name '{manifest.Name}' of '{manifest.Owner}' is not a Kubernetes name: at most {ExportNames.MaxLabel} lower-case letters, digits and '-', ending in a letter or digit; shorten the name");
            }
            else if (!seen.TryAdd($"{manifest.Kind}/{manifest.Name}", manifest))
            {
                var other = seen[$"{manifest.Kind}/{manifest.Name}"];
                Clash(manifest.Owner, $"{manifest.Kind} '{manifest.Name}' would be made twice, for '{other.Owner}' and for '{manifest.Owner}'; rename one of them");
            }

            foreach (var container in ContainerNames(manifest.Body))
            {
                if (!ExportNames.IsLabel(container))
                {
                    Clash(manifest.Owner, $"container name '{container}' in {manifest.Kind} '{manifest.Name}' is not a Kubernetes name: at most {ExportNames.MaxLabel} characters, ending in a letter or digit; shorten it");
                }
            }
        }
    }

    private void Clash(string owner, string message) =>
        _diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportNameClash, message, _at.Of(owner)));

    private static IEnumerable<string> ContainerNames(YamlMap body)
    {
        if (body["spec"] is YamlMap { } spec && spec["template"] is YamlMap template && template["spec"] is YamlMap pod)
        {
            foreach (var key in new[] { "initContainers", "containers" })
            {
                if (pod[key] is List<object> containers)
                {
                    foreach (var container in containers.OfType<YamlMap>())
                    {
                        yield return (string)container["name"]!;
                    }
                }
            }
        }
    }
}
