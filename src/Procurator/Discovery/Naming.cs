using System.Text;
using Procurator.Model;

namespace Procurator.Discovery;

/// <summary>
/// Turns folder, package and service names into names the validator accepts
/// (<c>^[a-z][a-z0-9-]*$</c>, not one of <see cref="ReservedNames"/>), unique among
/// everything already taken.
/// </summary>
internal static class Naming
{
    /// <summary><c>@acme/Web_App</c> → <c>acme-web-app</c>; empty or digit-first names get <paramref name="prefix"/>.</summary>
    public static string Sanitize(string raw, string prefix)
    {
        var builder = new StringBuilder();
        foreach (var c in raw.ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var name = builder.ToString().Trim('-');
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]))
        {
            name = name.Length == 0 ? prefix : $"{prefix}-{name}";
        }

        return ReservedNames.IsTaken(name) ? $"{name}-{prefix}" : name;
    }

    /// <summary><paramref name="name"/>, or <c>name-2</c>, <c>name-3</c>… the first not in <paramref name="taken"/>; the result is added to it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{name}-{i}";
        }

        return candidate;
    }
}
