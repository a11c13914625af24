using Procurator.Model;

namespace Procurator.Graph;

/// <summary>Finds a node from what a user typed: an id (<c>service:postgres</c>), a name (<c>postgres</c>) or <c>project/process</c>.</summary>
internal static class NodeResolver
{
    /// <summary>The node's id, or an error message that says what was meant or what is ambiguous.</summary>
    public static (string? Id, string? Error) Resolve(WorkspaceGraph graph, string text)
    {
        if (graph.Find(text) is { } exact)
        {
            return (exact.Id, null);
        }

        var matches = graph.Nodes.Where(n => n.Name == text || KindLabelsMatch(n, text)).Select(n => n.Id).ToArray();
        return matches switch
        {
            [var one] => (one, null),
            [] => (null, $"no node named '{text}'{Suggestions.DidYouMean(text, graph.Nodes.SelectMany(n => new[] { n.Id, n.Name }).Distinct())}"),
            _ => (null, $"'{text}' is ambiguous: {string.Join(", ", matches)}; give the id"),
        };
    }

    private static bool KindLabelsMatch(GraphNode node, string text) =>
        node is { Kind: NodeKinds.Process, Project: { } project } && $"{project}/{node.Name}" == text;
}
