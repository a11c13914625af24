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
    private readonly SortedDictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);

    // Sorted neighbour lists, built on first use after a change: queries walk them many times.
    private Dictionary<string, GraphEdge[]>? _dependencies;
    private Dictionary<string, GraphEdge[]>? _dependents;

    public IEnumerable<GraphNode> Nodes => _nodes.Values;

    public IEnumerable<GraphEdge> Edges => _graph.Edges
        .OrderBy(e => e.Source, StringComparer.Ordinal)
        .ThenBy(e => e.Target, StringComparer.Ordinal)
        .ThenBy(e => e.Kind, StringComparer.Ordinal);

    public int NodeCount => _nodes.Count;

    public GraphNode? Find(string id) => _nodes.GetValueOrDefault(id);

    public void AddNode(GraphNode node)
    {
        if (_nodes.TryAdd(node.Id, node))
        {
            _graph.AddVertex(node.Id);
            (_dependencies, _dependents) = (null, null);
        }
    }

    public void AddEdge(GraphEdge edge)
    {
        if (!_graph.ContainsVertex(edge.Source) || !_graph.ContainsVertex(edge.Target))
        {
            throw new InvalidOperationException($"edge {edge.Source} -> {edge.Target} names a node that is not in the graph");
        }

        _graph.AddEdge(edge);
        (_dependencies, _dependents) = (null, null);
    }

    /// <summary>What <paramref name="id"/> depends on, in id order.</summary>
    public IReadOnlyList<GraphEdge> DependenciesOf(string id) =>
        (_dependencies ??= _nodes.Keys.ToDictionary(n => n, n => _graph.OutEdges(n).OrderBy(e => e.Target, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal))[id];

    /// <summary>What depends on <paramref name="id"/>, in id order.</summary>
    public IReadOnlyList<GraphEdge> DependentsOf(string id) =>
        (_dependents ??= _nodes.Keys.ToDictionary(n => n, n => _graph.InEdges(n).OrderBy(e => e.Source, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal))[id];

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
                graph.AddEdge(new GraphEdge(self, GraphNode.IdOf(kind, dependency), edgeKind, Condition: "ready"));
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
