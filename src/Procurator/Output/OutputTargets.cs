using Procurator.Output.Targets.Compose;
using Procurator.Output.Targets.Flake;
using Procurator.Output.Targets.GithubActions;
using Procurator.Output.Targets.Kubernetes;
using Procurator.Output.Targets.ProcuratorJson;
using Procurator.Output.Targets.Visualize;

namespace Procurator.Output;

/// <summary>Which targets each command renders: the one place a new target is registered.</summary>
internal static class OutputTargets
{
    /// <summary><c>run</c> writes these into the output folder, and <c>run --check</c> and <c>check</c> compare them with it.</summary>
    public static IReadOnlyList<IOutputTarget> Workspace { get; } = [new FlakeTarget(), new ProcuratorJsonTarget(), new VisualizeTarget()];

    /// <summary><c>ci github</c>.</summary>
    public static IReadOnlyList<IOutputTarget> GithubActions { get; } = [new GithubWorkflowTarget()];

    /// <summary><c>export kubernetes</c>, into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<IOutputTarget> Kubernetes(string directory) => [new KubernetesTarget(directory)];

    /// <summary><c>export compose</c>, to the file <paramref name="path"/>.</summary>
    public static IReadOnlyList<IOutputTarget> Compose(string path) => [new ComposeTarget(path)];
}
