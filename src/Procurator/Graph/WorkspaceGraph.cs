using Procurator.Model;
using QuikGraph;

namespace Procurator.Graph;

/// <summary>
/// The workspace as one graph (QuikGraph): projects, services, processes, internal packages
/// and externals, with runtime, build, package, process and cross-repo edges. Nodes and
/// edges are kept in ordinal order so every output made from it is deterministic.
/// </summary>
internal sealed class WorkspaceGraph
{
    private readonly BidirectionalGraph<string, GraphEdge> _graph = new(allowParallelEdges: false);

    // Sorted on demand, not a SortedDictionary (see "Warm runs" in docs/ARCHITECTURE.md).
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);

    // Sorted views, built on first use after a change: every output and query walks them.
    private GraphNode[]? _sortedNodes;
    private List<GraphEdge>? _sortedEdges;
    private Dictionary<string, GraphEdge[]>? _dependencies;
    private Dictionary<string, GraphEdge[]>? _dependents;

    /// <summary>The nodes, in id order.</summary>
    public IReadOnlyList<GraphNode> Nodes => _sortedNodes ??= _nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The edges, by source, then target, then kind.</summary>
    public IReadOnlyList<GraphEdge> Edges => _sortedEdges ??= SortedEdges();

    public int NodeCount => _nodes.Count;

    /// <summary>The graph as QuikGraph sees it, for its algorithms.</summary>
    internal IVertexListGraph<string, GraphEdge> Structure => _graph;

    public GraphNode? Find(string id) => _nodes.GetValueOrDefault(id);

    public void AddNode(GraphNode node)
    {
        if (_nodes.TryAdd(node.Id, node))
        {
            _graph.AddVertex(node.Id);
            Changed();
        }
    }

    public void AddEdge(GraphEdge edge)
    {
        if (!_graph.ContainsVertex(edge.Source) || !_graph.ContainsVertex(edge.Target))
        {
            throw new InvalidOperationException($"edge {edge.Source} -> {edge.Target} names a node that is not in the graph");
        }

        _graph.AddEdge(edge);
        Changed();
    }

    /// <summary>What <paramref name="id"/> depends on, in id order.</summary>
    public IReadOnlyList<GraphEdge> DependenciesOf(string id) =>
        (_dependencies ??= _nodes.Keys.ToDictionary(n => n, n => _graph.OutEdges(n).OrderBy(e => e.Target, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal))[id];

    /// <summary>What depends on <paramref name="id"/>, in id order.</summary>
    public IReadOnlyList<GraphEdge> DependentsOf(string id) =>
        (_dependents ??= _nodes.Keys.ToDictionary(n => n, n => _graph.InEdges(n).OrderBy(e => e.Source, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal))[id];

    private List<GraphEdge> SortedEdges()
    {
        // Sorted in place, not by OrderBy(...).ThenBy(...) (see "Warm runs" in docs/ARCHITECTURE.md). No two edges join the same
        // nodes (no parallel edges), so the order is total even though the sort is not stable.
        var edges = new List<GraphEdge>(_graph.Edges);
        edges.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Source, b.Source);
            order = order != 0 ? order : string.CompareOrdinal(a.Target, b.Target);
            return order != 0 ? order : string.CompareOrdinal(a.Kind, b.Kind);
        });
        return edges;
    }

    private void Changed() => (_sortedNodes, _sortedEdges, _dependencies, _dependents) = (null, null, null, null);

    public static WorkspaceGraph From(WorkspaceModel model)
    {
        var graph = new WorkspaceGraph();
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in model.Projects)
        {
            graph.AddNode(new GraphNode(GraphNode.IdOf(NodeKinds.Project, project.Name), NodeKinds.Project, project.Name));
            kinds[project.Name] = NodeKinds.Project;
        }

        foreach (var service in model.Services)
        {
            graph.AddNode(new GraphNode(GraphNode.IdOf(NodeKinds.Service, service.Name), NodeKinds.Service, service.Name, service.Version));
            kinds[service.Name] = NodeKinds.Service;
        }

        foreach (var external in model.Externals)
        {
            graph.AddNode(new GraphNode(GraphNode.IdOf(NodeKinds.External, external.Name), NodeKinds.External, external.Name));
            kinds[external.Name] = NodeKinds.External;
        }

        foreach (var project in model.Projects)
        {
            var self = GraphNode.IdOf(NodeKinds.Project, project.Name);
            foreach (var process in project.Processes)
            {
                var id = GraphNode.IdOf(NodeKinds.Process, $"{project.Name}/{process.Name}");
                graph.AddNode(new GraphNode(id, NodeKinds.Process, process.Name, Project: project.Name));
                graph.AddEdge(new GraphEdge(id, self, EdgeKinds.Process));
            }

            foreach (var dependency in project.DependsOn)
            {
                var kind = kinds[dependency];
                var edgeKind = kind == NodeKinds.External ? EdgeKinds.CrossRepo : EdgeKinds.Runtime;
                var condition = project.DependencyConditions.TryGetValue(dependency, out var written) ? written : WaitFor.Ready;
                graph.AddEdge(new GraphEdge(self, GraphNode.IdOf(kind, dependency), edgeKind, Condition: WaitForNames.Of(condition)));
            }

            foreach (var library in project.BuildDependsOn)
            {
                var package = GraphNode.IdOf(NodeKinds.Package, library);
                graph.AddNode(new GraphNode(package, NodeKinds.Package, library, Project: library));
                if (!graph._graph.ContainsEdge(package, GraphNode.IdOf(NodeKinds.Project, library)))
                {
                    graph.AddEdge(new GraphEdge(package, GraphNode.IdOf(NodeKinds.Project, library), EdgeKinds.Package));
                }

                graph.AddEdge(new GraphEdge(self, package, EdgeKinds.Build));
            }
        }

        return graph;
    }
}
