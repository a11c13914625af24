using System.Text;
using System.Text.RegularExpressions;

namespace Procurator.Discovery;

/// <summary>Workspace member globs (<c>crates/*</c>, <c>packages/**</c>, <c>./apps/web</c>) matched against folder paths.</summary>
internal static class Globs
{
    /// <summary>Whether <paramref name="path"/> (relative to the workspace) matches <paramref name="glob"/>; negations (<c>!x</c>) never match.</summary>
    public static bool Matches(string glob, string path)
    {
        var pattern = glob.Trim().Replace('\\', '/');
        if (pattern.StartsWith('!'))
        {
            return false;
        }

        while (pattern.StartsWith("./", StringComparison.Ordinal))
        {
            pattern = pattern[2..];
        }

        pattern = pattern.TrimEnd('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return Regex.IsMatch(path, regex.Append("\\z").ToString(), RegexOptions.CultureInvariant);
    }
}
