using System.Globalization;
using System.Text;

namespace Procurator.Graph.Formats;

/// <summary>The graph in Graphviz DOT: every id quoted and escaped, one cluster per kind.</summary>
internal static class DotWriter
{
    public static string Write(WorkspaceGraph graph)
    {
        var text = new StringBuilder("digraph workspace {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        foreach (var group in graph.Nodes.GroupBy(n => n.Kind).OrderBy(g => NodeKinds.All.ToList().IndexOf(g.Key)))
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph {Quote("cluster_" + group.Key)} {{\n    label={Quote(KindLabels.Plural(group.Key))};\n");
            foreach (var node in group)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {Quote(node.Id)} [label={Quote(KindLabels.Label(node))}];\n");
            }

            text.Append("  }\n");
        }

        foreach (var edge in graph.Edges)
        {
            var style = KindLabels.IsDashed(edge) ? " [style=dashed]"
                : KindLabels.ConditionLabel(edge) is { } condition ? $" [label={Quote(condition)}]"
                : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {Quote(edge.Source)} -> {Quote(edge.Target)}{style};\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>A DOT double-quoted string: backslash and quote escaped, line breaks as <c>\n</c>.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
