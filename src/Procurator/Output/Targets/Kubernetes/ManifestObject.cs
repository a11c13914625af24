using Procurator.Output.Manifests;

namespace Procurator.Output.Targets.Kubernetes;

/// <summary>One Kubernetes object, written to a file of its own.</summary>
/// <param name="Kind">Its kind (<c>Deployment</c>).</param>
/// <param name="Name">Its <c>metadata.name</c>.</param>
/// <param name="Owner">The project or service it comes from, whose declaration a problem points to.</param>
/// <param name="Body">The whole object.</param>
/// <param name="Notes">Comment lines written above it (what the export could not say).</param>
internal sealed record ManifestObject(string Kind, string Name, string Owner, YamlMap Body, IReadOnlyList<string> Notes)
{
    /// <summary>The file it is written to: <c>deployment-api.yaml</c>.</summary>
    public string FileName => $"{Kind.ToLowerInvariant()}-{Name}.yaml";
}
