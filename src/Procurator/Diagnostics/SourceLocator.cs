using Procurator.Model;

namespace Procurator.Diagnostics;

/// <summary>
/// Turns a DSL call site (file, line, verb) into a location with a column, by finding the
/// verb on that line of the script. Files are read once per locator.
/// </summary>
internal sealed class SourceLocator
{
    private const int LookAhead = 20;

    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public SourceLocation? Locate(ScriptSite site)
    {
        if (site.Line <= 0 || string.IsNullOrEmpty(site.File))
        {
            return null;
        }

        // Sites found from the stack carry the line where the statement starts; a fluent
        // chain spread over lines has the verb further down, so look ahead a few lines.
        var lines = LinesOf(site.File);
        var last = Math.Min(lines.Length, site.Line + LookAhead);
        for (var line = site.Line; line <= last && site.Member.Length > 0; line++)
        {
            var at = lines[line - 1].IndexOf(site.Member + "(", StringComparison.Ordinal);
            if (at >= 0)
            {
                return new SourceLocation(site.File, line, at + 1);
            }
        }

        var text = site.Line <= lines.Length ? lines[site.Line - 1] : string.Empty;
        return new SourceLocation(site.File, site.Line, text.Length - text.TrimStart().Length + 1);
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
