using System.Globalization;

namespace Procurator.Graph.Formats;

/// <summary>Where a node is drawn: its layer and its box, in whole pixels.</summary>
internal sealed record NodePlacement(string Id, int Layer, int X, int Y, int Width, int Height);

/// <summary>
/// A layered layout: one column per <see cref="GraphAnalysis.Layers"/> layer, dependencies on
/// the left, so the columns read as the order things start in. Within a column, nodes are
/// ordered by the average height of their neighbours (barycenter sweeps) to cut crossings;
/// ties keep id order, so the layout is deterministic.
/// </summary>
internal static class GraphLayout
{
    public const int NodeHeight = 40;
    public const int RowGap = 24;
    public const int ColumnGap = 96;
    public const int MinWidth = 96;
    public const int MaxWidth = 240;

    /// <summary>An estimate of a label's width at the page's 12px font: nothing here measures text.</summary>
    public static int WidthOf(string label) =>
        Math.Clamp((new StringInfo(label).LengthInTextElements * 15 / 2) + 28, MinWidth, MaxWidth);

    public static IReadOnlyList<NodePlacement> Compute(WorkspaceGraph graph)
    {
        var layers = GraphAnalysis.Layers(graph).Select(l => l.ToList()).ToList();

        // Nodes on a cycle have no layer; validation refuses cycles, but draw them anyway, last.
        var placed = layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var unplaced = graph.Nodes.Select(n => n.Id).Where(id => !placed.Contains(id)).ToList();
        if (unplaced.Count > 0)
        {
            layers.Add(unplaced);
        }

        if (layers.Count == 0)
        {
            return [];
        }

        var rows = layers.Max(l => l.Count);
        Sweep(graph, layers, rows, forward: true);
        Sweep(graph, layers, rows, forward: false);
        Sweep(graph, layers, rows, forward: true);

        var placements = new List<NodePlacement>();
        var x = 0;
        for (var layer = 0; layer < layers.Count; layer++)
        {
            var widths = layers[layer].ToDictionary(id => id, id => WidthOf(KindLabels.Label(graph.Find(id)!)), StringComparer.Ordinal);
            var columnWidth = widths.Values.Max();
            for (var row = 0; row < layers[layer].Count; row++)
            {
                var id = layers[layer][row];
                var left = x + ((columnWidth - widths[id]) / 2);
                placements.Add(new NodePlacement(id, layer, left, Top(row, layers[layer].Count, rows), widths[id], NodeHeight));
            }

            x += columnWidth + ColumnGap;
        }

        return placements.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Columns are centred on the tallest one; all values stay whole pixels.</summary>
    private static int Top(int row, int count, int rows) =>
        ((rows - count) * (NodeHeight + RowGap) / 2) + (row * (NodeHeight + RowGap));

    /// <summary>
    /// Reorders each layer by the average row of its neighbours in the layers already swept:
    /// dependencies going right, dependents going left. A node with no such neighbour keeps its row.
    /// </summary>
    private static void Sweep(WorkspaceGraph graph, List<List<string>> layers, int rows, bool forward)
    {
        var order = forward ? Enumerable.Range(1, layers.Count - 1) : Enumerable.Range(0, layers.Count - 1).Reverse();
        foreach (var layer in order)
        {
            var centre = CentresOf(layers, rows);
            IEnumerable<string> Neighbours(string id) => forward
                ? graph.DependenciesOf(id).Select(e => e.Target)
                : graph.DependentsOf(id).Select(e => e.Source);
            layers[layer] = layers[layer]
                .Select((id, row) => (Id: id, Row: row, Key: Barycenter(centre, Neighbours(id)) ?? centre[id]))
                .OrderBy(n => n.Key)
                .ThenBy(n => n.Row)
                .Select(n => n.Id)
                .ToList();
        }
    }

    private static Dictionary<string, double> CentresOf(List<List<string>> layers, int rows)
    {
        var centres = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            for (var row = 0; row < layer.Count; row++)
            {
                centres[layer[row]] = Top(row, layer.Count, rows);
            }
        }

        return centres;
    }

    private static double? Barycenter(Dictionary<string, double> centre, IEnumerable<string> neighbours)
    {
        var known = neighbours.Where(centre.ContainsKey).Select(id => centre[id]).ToArray();
        return known.Length == 0 ? null : known.Average();
    }
}
