using System.Globalization;
using System.Text;

namespace Procurator.Graph.Formats;

/// <summary>
/// The graph as a mermaid flowchart. Node ids are generated (<c>n0</c>, <c>n1</c>, …) so no
/// name can clash with mermaid's syntax or keywords; the real name is an escaped label.
/// </summary>
internal static class MermaidWriter
{
    public static string Write(WorkspaceGraph graph)
    {
        // A loop, not Select((node, index) => (...)) (see "Warm runs" in docs/ARCHITECTURE.md).
        var ids = new Dictionary<string, string>(graph.Nodes.Count, StringComparer.Ordinal);
        for (var index = 0; index < graph.Nodes.Count; index++)
        {
            ids[graph.Nodes[index].Id] = $"n{index}";
        }

        var text = new StringBuilder("flowchart LR\n");
        foreach (var group in graph.Nodes.GroupBy(n => n.Kind).OrderBy(g => NodeKindsOrder(g.Key)))
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph kind_{group.Key.Replace('-', '_')}[\"{Escape(KindLabels.Plural(group.Key))}\"]\n");
            foreach (var node in group)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {ids[node.Id]}[\"{Escape(KindLabels.Label(node))}\"]\n");
            }

            text.Append("  end\n");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = KindLabels.IsDashed(edge) ? "-.->" : "-->";
            if (KindLabels.ConditionLabel(edge) is { } condition)
            {
                arrow += $"|{condition}|";
            }

            text.Append(CultureInfo.InvariantCulture, $"  {ids[edge.Source]} {arrow} {ids[edge.Target]}\n");
        }

        return text.ToString();
    }

    private static int NodeKindsOrder(string kind) => NodeKinds.All.ToList().IndexOf(kind);

    /// <summary>Mermaid label text: letters, digits and a few safe marks as they are, everything else as <c>#code;</c>.</summary>
    private static string Escape(string label)
    {
        var text = new StringBuilder(label.Length);
        foreach (var rune in label.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '-' or '_' or '.' or '/' or ':' or '@' or '+')
            {
                text.Append(rune.ToString());
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"#{rune.Value};");
            }
        }

        return text.ToString();
    }
}
