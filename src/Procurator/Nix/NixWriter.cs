using System.Text;

namespace Procurator.Nix;

/// <summary>
/// The one place that turns values into Nix source. Every string is escaped and every
/// attribute name quoted when it needs it, so no user string reaches a flake raw.
/// </summary>
internal static class NixWriter
{
    /// <summary>
    /// Matches <c>^[A-Za-z_][A-Za-z0-9_'-]*\z</c>. By hand, not a regex (see "Warm runs" in docs/ARCHITECTURE.md).
    /// </summary>
    internal static bool IsBareIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '\'' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
    };

    /// <summary>A double-quoted Nix string holding exactly <paramref name="value"/>.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        AppendEscaped(builder, value, beforeExpression: false);
        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A double-quoted Nix string of literal text, escaped, and <c>${expression}</c> parts. Expressions
    /// are Nix source the generator made (a selection such as <c>pkgs.redis</c>), never user text.
    /// </summary>
    public static string Interpolated(IEnumerable<NixPart> parts)
    {
        var builder = new StringBuilder().Append('"');
        var list = parts.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].IsExpression)
            {
                builder.Append("${").Append(list[i].Text).Append('}');
            }
            else
            {
                AppendEscaped(builder, list[i].Text, beforeExpression: i + 1 < list.Length && list[i + 1].IsExpression);
            }
        }

        return builder.Append('"').ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string value, bool beforeExpression)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                // "${" starts interpolation, and so would a "$" just before an interpolated part
                // ("$${" is a literal "${" in Nix); "\$" is a literal "$" in every position.
                case '$' when i + 1 < value.Length ? value[i + 1] == '{' : beforeExpression: builder.Append(@"\$"); break;
                case '\0': throw NixWriterException.Nul();
                default: builder.Append(c); break;
            }
        }
    }

    /// <summary>An attribute name: bare when Nix allows it, else a quoted string.</summary>
    public static string AttrName(string name) =>
        IsBareIdentifier(name) && !Keywords.Contains(name) ? name : String(name);

    /// <summary>A selection such as <c>pkgs.python3Packages.requests</c>, each segment quoted when needed.</summary>
    public static string Select(string root, IEnumerable<string> path) =>
        string.Concat(path.Select(segment => "." + AttrName(segment)).Prepend(root));

    /// <summary>A one-line list: <c>[ a b ]</c>, or <c>[ ]</c>.</summary>
    public static string List(IEnumerable<string> expressions)
    {
        var items = string.Join(" ", expressions);
        return items.Length == 0 ? "[ ]" : $"[ {items} ]";
    }
}

/// <summary>A piece of an interpolated Nix string: literal text, or a Nix expression to place in <c>${…}</c>.</summary>
/// <remarks>A class, not a struct (see "Warm runs" in docs/ARCHITECTURE.md).</remarks>
internal sealed record NixPart(string Text, bool IsExpression)
{
    public static NixPart Literal(string text) => new(text, false);

    public static NixPart Expression(string nix) => new(nix, true);
}

internal sealed class NixWriterException : InvalidOperationException
{
    private NixWriterException(string message)
        : base(message)
    {
    }

    public static NixWriterException Nul() =>
        new("A NUL character reached the Nix writer; the validator must reject it before rendering.");
}
