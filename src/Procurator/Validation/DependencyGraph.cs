using Procurator.Model;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Procurator.Validation;

/// <summary>A dependency edge between projects (runtime or build-time), with the call that made it.</summary>
internal sealed record DependencyEdge(string Source, string Target, ScriptSite Site) : IEdge<string>;

internal sealed record Cycle(IReadOnlyList<string> Path, ScriptSite Site);

/// <summary>Projects and the dependencies between them; services and externals are leaves and cannot close a cycle.</summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<DependencyEdge> _edges = [];
    private AdjacencyGraph<string, DependencyEdge>? _graph; // built only to name cycles

    private enum Visit
    {
        NotYet,
        OnPath,
        Done,
    }

    /// <summary>A project with the projects it depends on, and how far the search for a cycle has got with it.</summary>
    private sealed class Node
    {
        public List<Node> Targets { get; } = [];
        public Visit State { get; set; }
        public int NextTarget { get; set; }
    }

    public static DependencyGraph FromProjects(IEnumerable<ProjectBuilder> projects)
    {
        var result = new DependencyGraph();
        var list = projects.ToArray();
        var names = list.Select(p => p.Name).Distinct().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            result._names.Add(name);
            result._nodes.Add(name, new Node());
        }

        // Loops, not LINQ over (name, site) tuples: ReadyToRun cannot precompile those
        // instantiations and a warm run pays the JIT.
        foreach (var project in list)
        {
            foreach (var dependency in project.Dependencies)
            {
                result.AddEdge(project.Name, dependency.Name, dependency.Site);
            }

            foreach (var dependency in project.BuildDependencies)
            {
                result.AddEdge(project.Name, dependency.Value, dependency.Site);
            }
        }

        return result;
    }

    private void AddEdge(string source, string target, ScriptSite site)
    {
        if (_nodes.TryGetValue(target, out var node))
        {
            _nodes[source].Targets.Add(node);
            _edges.Add(new DependencyEdge(source, target, site));
        }
    }

    /// <summary>One cycle per strongly connected component, starting at its first name in ordinal order.</summary>
    public IReadOnlyList<Cycle> FindCycles()
    {
        // Almost every workspace has no cycle: a plain search says so without JIT-compiling
        // QuikGraph's strongly-connected-components code (generic over value types), which
        // then runs only to name the cycles.
        if (!HasCycle())
        {
            return [];
        }

        _graph = new AdjacencyGraph<string, DependencyEdge>(allowParallelEdges: true);
        _graph.AddVertexRange(_names);
        _graph.AddEdgeRange(_edges);
        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        _graph.StronglyConnectedComponents(components);
        var cycles = new List<Cycle>();
        foreach (var group in components.GroupBy(c => c.Value, c => c.Key))
        {
            var members = group.ToHashSet(StringComparer.Ordinal);
            var start = members.Order(StringComparer.Ordinal).First();
            var isCycle = members.Count > 1 || _graph.OutEdges(start).Any(e => e.Target == start);
            if (isCycle && PathBack(start, members) is { } edges)
            {
                cycles.Add(new Cycle([start, .. edges.Select(e => e.Target)], edges[0].Site));
            }
        }

        return cycles.OrderBy(c => c.Path[0], StringComparer.Ordinal).ToArray();
    }

    /// <summary>An iterative depth-first search: a cycle exists when an edge leads back to a project on the current path.</summary>
    private bool HasCycle()
    {
        foreach (var node in _nodes.Values)
        {
            node.State = Visit.NotYet;
            node.NextTarget = 0;
        }

        var path = new Stack<Node>();
        foreach (var root in _nodes.Values)
        {
            if (root.State != Visit.NotYet)
            {
                continue;
            }

            root.State = Visit.OnPath;
            path.Push(root);
            while (path.Count > 0)
            {
                var node = path.Peek();
                if (node.NextTarget == node.Targets.Count)
                {
                    node.State = Visit.Done;
                    path.Pop();
                    continue;
                }

                var target = node.Targets[node.NextTarget];
                node.NextTarget++;
                if (target.State == Visit.OnPath)
                {
                    return true;
                }

                if (target.State == Visit.NotYet)
                {
                    target.State = Visit.OnPath;
                    path.Push(target);
                }
            }
        }

        return false;
    }

    /// <summary>The shortest path of edges from <paramref name="start"/> back to itself inside its component.</summary>
    private List<DependencyEdge>? PathBack(string start, HashSet<string> members)
    {
        var graph = _graph!;
        var cameFrom = new Dictionary<string, DependencyEdge>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var edge in graph.OutEdges(current).OrderBy(e => e.Target, StringComparer.Ordinal))
            {
                if (edge.Target == start)
                {
                    var path = new List<DependencyEdge> { edge };
                    for (var at = current; at != start; at = cameFrom[at].Source)
                    {
                        path.Insert(0, cameFrom[at]);
                    }

                    return path;
                }

                if (members.Contains(edge.Target) && cameFrom.TryAdd(edge.Target, edge))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return null;
    }
}
