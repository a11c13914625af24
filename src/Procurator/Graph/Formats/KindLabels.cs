using Procurator.Model;

namespace Procurator.Graph.Formats;

/// <summary>Titles of the per-kind groups in diagrams.</summary>
internal static class KindLabels
{
    public static string Plural(string kind) => kind switch
    {
        NodeKinds.Project => "Projects",
        NodeKinds.Service => "Services",
        NodeKinds.Process => "Processes",
        NodeKinds.Package => "Internal packages",
        NodeKinds.External => "External projects",
        _ => kind,
    };

    /// <summary>What a node shows: its name, plus its version or its project where that helps.</summary>
    public static string Label(GraphNode node) => node switch
    {
        { Kind: NodeKinds.Process, Project: { } project } => $"{project}/{node.Name}",
        { Version: { } version } => $"{node.Name} {version}",
        _ => node.Name,
    };

    /// <summary>
    /// The label of an edge whose dependency is waited for otherwise than ready (started,
    /// completed); null for the default, so graphs without conditions stay unlabelled.
    /// </summary>
    public static string? ConditionLabel(GraphEdge edge) => edge.Condition is { } condition && condition != WaitForNames.Ready ? condition : null;

    /// <summary>Build-time edges (and the package a project produces) are drawn dashed.</summary>
    public static bool IsDashed(GraphEdge edge) => edge.Kind is EdgeKinds.Build or EdgeKinds.Package;
}
