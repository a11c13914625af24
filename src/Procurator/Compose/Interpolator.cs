using System.Text;
using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>
/// Compose interpolation of one value: <c>$V</c>, <c>${V}</c>, <c>${V:-default}</c>, <c>${V-default}</c>,
/// <c>${V:?error}</c>, <c>${V?error}</c>, <c>${V:+alt}</c>, <c>${V+alt}</c> (defaults and alternatives
/// are interpolated too, so they nest) and <c>$$</c> for a literal <c>$</c>. An unset variable
/// without a default becomes an empty string, with one warning per variable. Nesting is capped at
/// <see cref="MaxDepth"/> levels: each level scans its own text again, so an unbounded depth made a
/// 120 KB value of nested <c>${A:-</c> cost gigabytes (issue 21, row 10); with the cap the work is linear.
/// </summary>
internal sealed class Interpolator(Func<string, string?> lookup, List<Diagnostic> diagnostics)
{
    /// <summary>The deepest <c>${...}</c> nesting read; compose files in the wild use two or three.</summary>
    public const int MaxDepth = 64;

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>The interpolated text, or null after reporting an error at <paramref name="at"/>.</summary>
    public string? Apply(string text, SourceLocation at)
    {
        try
        {
            return Expand(text, at, 0);
        }
        catch (InterpolationError e)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ComposeInterpolation, e.Message, at));
            return null;
        }
    }

    private string Expand(string text, SourceLocation at, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InterpolationError($"invalid interpolation: '${{' is nested more than {MaxDepth} levels deep");
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$')
            {
                result.Append(c);
                i++;
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (next == '$')
            {
                result.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                var close = MatchingBrace(text, i + 1) ?? throw Invalid(text, "a '${' is not closed");
                result.Append(Braced(text[(i + 2)..close], text, at, depth));
                i = close + 1;
            }
            else if (char.IsAsciiLetter(next) || next == '_')
            {
                var name = NameAt(text, i + 1);
                result.Append(Lookup(name, at) ?? string.Empty);
                i += 1 + name.Length;
            }
            else
            {
                throw Invalid(text, "a '$' must start $NAME or ${NAME}, or be doubled ($$) for a literal '$'");
            }
        }

        return result.ToString();
    }

    private string Braced(string inner, string text, SourceLocation at, int depth)
    {
        var name = inner.Length > 0 && (char.IsAsciiLetter(inner[0]) || inner[0] == '_') ? NameAt(inner, 0) : string.Empty;
        if (name.Length == 0)
        {
            throw Invalid(text, $"'${{{inner}}}' does not start with a variable name");
        }

        var rest = inner[name.Length..];
        if (rest.Length == 0)
        {
            return Lookup(name, at) ?? string.Empty;
        }

        var value = lookup(name);
        var colon = rest[0] == ':';
        var op = colon ? (rest.Length > 1 ? rest[1] : '\0') : rest[0];
        var argument = rest[(colon ? 2 : 1)..];
        var missing = value is null || (colon && value.Length == 0);
        switch (op)
        {
            case '-':
                return missing ? Expand(argument, at, depth + 1) : value!;
            case '+':
                return missing ? string.Empty : Expand(argument, at, depth + 1);
            case '?':
                if (missing)
                {
                    var message = Expand(argument, at, depth + 1);
                    throw new InterpolationError(message.Length > 0
                        ? $"required variable {name} is missing a value: {message}"
                        : $"required variable {name} is missing a value");
                }

                return value!;
            default:
                throw Invalid(text, $"'${{{inner}}}' has an unknown operator after {name} (use :- - :? ? :+ or +)");
        }
    }

    private string? Lookup(string name, SourceLocation at)
    {
        var value = lookup(name);
        if (value is null && _warned.Add(name))
        {
            diagnostics.Add(Diagnostic.Warning(ErrorCodes.ComposeUnsetVariable, $"the variable {name} is not set; it is replaced by an empty string", at));
        }

        return value;
    }

    private static string NameAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[start..end];
    }

    private static int? MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    private static InterpolationError Invalid(string text, string why) =>
        new($"invalid interpolation in \"{text}\": {why}");

    private sealed class InterpolationError(string message) : Exception(message);
}
