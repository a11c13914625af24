using Procurator.Model;

namespace Procurator.Diagnostics;

/// <summary>
/// Turns a DSL call site (file, line, verb) into a location with a column, by finding the
/// verb on that line of the script. Files are read once per locator.
/// </summary>
internal sealed class SourceLocator
{
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public SourceLocation? Locate(ScriptSite site)
    {
        if (site.Line <= 0 || string.IsNullOrEmpty(site.File))
        {
            return null;
        }

        var lines = LinesOf(site.File);
        var text = site.Line <= lines.Length ? lines[site.Line - 1] : string.Empty;
        return new SourceLocation(site.File, site.Line, ColumnOf(text, site.Member));
    }

    private static int ColumnOf(string line, string member)
    {
        if (member.Length > 0)
        {
            var at = line.IndexOf(member + "(", StringComparison.Ordinal);
            if (at < 0)
            {
                at = line.IndexOf(member, StringComparison.Ordinal);
            }

            if (at >= 0)
            {
                return at + 1;
            }
        }

        var firstText = line.Length - line.TrimStart().Length;
        return firstText + 1;
    }

    private string[] LinesOf(string file)
    {
        if (!_lines.TryGetValue(file, out var lines))
        {
            lines = File.Exists(file) ? File.ReadAllLines(file) : [];
            _lines[file] = lines;
        }

        return lines;
    }
}
