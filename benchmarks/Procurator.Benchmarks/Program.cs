using System.Diagnostics;
using System.Globalization;
using Procurator.Graph;
using Procurator.Graph.Formats;

// In-process graph benchmarks: impact of one node and the full JSON export on a synthetic
// graph (default 10,000 nodes, 30,000 edges), each timed over repeated runs; medians printed.
//   dotnet run -c Release --project benchmarks/Procurator.Benchmarks -- [nodes] [edges] [runs]
var nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var edges = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 21;

var build = Stopwatch.StartNew();
var graph = SyntheticGraph.Create(nodes, edges, seed: 42);
var buildTime = build.Elapsed;

// The most depended-on node: its impact is the largest.
var target = graph.Nodes.Select(n => n.Id).MaxBy(id => graph.DependentsOf(id).Count())!;
var affected = ImpactAnalysis.Affected(graph, [target]).Count;

Console.WriteLine($"graph: {nodes} nodes, {graph.Edges.Count()} edges (built in {buildTime.TotalMilliseconds:0} ms); impact of {target}: {affected} affected");
Console.WriteLine();
Console.WriteLine("| case | median ms | min ms | max ms | runs |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
Report("impact of one node (most depended-on)", runs, () => ImpactAnalysis.Affected(graph, [target]));
Report("impact of one leaf-side node", runs, () => ImpactAnalysis.Affected(graph, [graph.Nodes.Last().Id]));
Report("full JSON export (nodes, edges, layers, cycles)", runs, () => GraphJson.Write(graph));
Report("layers", runs, () => GraphAnalysis.Layers(graph));

static void Report(string name, int runs, Func<object> work)
{
    work(); // warm-up: JIT and caches
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(work());
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:0.0} | {times[0]:0.0} | {times[^1]:0.0} | {runs} |"));
}

/// <summary>A random layered DAG: edges only from higher to lower index, so no cycles, like a real workspace.</summary>
internal static class SyntheticGraph
{
    public static WorkspaceGraph Create(int nodes, int edges, int seed)
    {
        var random = new Random(seed);
        var graph = new WorkspaceGraph();
        for (var i = 0; i < nodes; i++)
        {
            var kind = i % 10 == 0 ? NodeKinds.Service : NodeKinds.Project;
            graph.AddNode(new GraphNode(GraphNode.IdOf(kind, $"n{i:D5}"), kind, $"n{i:D5}"));
        }

        var ids = graph.Nodes.Select(n => n.Id).ToArray();
        var added = new HashSet<(int, int)>();
        while (added.Count < edges)
        {
            var from = random.Next(1, nodes);
            var to = random.Next(0, from);
            if (added.Add((from, to)))
            {
                graph.AddEdge(new GraphEdge(ids[from], ids[to], EdgeKinds.Runtime, "ready"));
            }
        }

        return graph;
    }
}
