namespace Procurator.Graph;

/// <summary>Kinds of node: what a workspace is made of.</summary>
internal static class NodeKinds
{
    public const string Project = "project";
    public const string Service = "service";
    public const string Process = "process";
    public const string Package = "package";
    public const string External = "external";

    public static readonly IReadOnlyList<string> All = [Project, Service, Process, Package, External];
}

/// <summary>Kinds of edge; every edge points from the dependent to its dependency.</summary>
internal static class EdgeKinds
{
    /// <summary>A project needs another project or a service running (<c>DependsOn</c>).</summary>
    public const string Runtime = "runtime";

    /// <summary>A project builds against an internal package (<c>BuildDependsOn</c>).</summary>
    public const string Build = "build";

    /// <summary>An internal package is produced by its project.</summary>
    public const string Package = "package";

    /// <summary>A process runs its project's code.</summary>
    public const string Process = "process";

    /// <summary>A project depends on a project of another repository (<c>External</c>).</summary>
    public const string CrossRepo = "cross-repo";
}

/// <summary>A node; ids look like <c>project:api</c>, <c>service:postgres</c>, <c>process:api/web</c>.</summary>
internal sealed record GraphNode(string Id, string Kind, string Name, string? Version = null, string? Project = null)
{
    public static string IdOf(string kind, string name) => $"{kind}:{name}";
}

/// <summary>An edge from the dependent (<paramref name="Source"/>) to its dependency (<paramref name="Target"/>).</summary>
internal sealed record GraphEdge(string Source, string Target, string Kind, string? Condition = null) : QuikGraph.IEdge<string>;
