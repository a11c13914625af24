using System.Text;

namespace Procurator.Connections;

/// <summary>
/// A reference to a part of a service's connection, written in an env value as
/// <c>${postgres.url}</c> (what <c>pg.Url</c> gives in a script), so it composes with C#
/// interpolation: <c>$"{pg.Url}?sslmode=disable"</c>. Filled in where the env is made, with
/// the host of that place (loopback locally, a cluster name in an export). The dot keeps it
/// apart from shell text: <c>${HOME}</c> is not a reference. A class, not a struct: a list of
/// structs of ours is JIT-compiled on every run (see "Warm runs" in docs/ARCHITECTURE.md).
/// </summary>
internal sealed record ConnectionReference(string Service, string PartName, int Start, int Length)
{
    /// <summary>The text a script writes for <paramref name="part"/> of <paramref name="service"/>.</summary>
    public static string Format(string service, ConnectionPart part) => $"${{{service}.{Name(part)}}}";

    /// <summary>The lower-case name of <paramref name="part"/> as references write it.</summary>
    public static string Name(ConnectionPart part) => part.ToString().ToLowerInvariant();

    /// <summary>The part this reference names, or null when it names none (a validation error).</summary>
    public ConnectionPart? Part => PartName switch
    {
        "host" => ConnectionPart.Host,
        "port" => ConnectionPart.Port,
        "url" => ConnectionPart.Url,
        "user" => ConnectionPart.User,
        "database" => ConnectionPart.Database,
        _ => null,
    };

    /// <summary>Every reference in <paramref name="value"/>, in order.</summary>
    public static List<ConnectionReference> FindAll(string value)
    {
        var found = new List<ConnectionReference>();
        var at = value.IndexOf("${", StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = value.IndexOf('}', at + 2);
            if (end < 0)
            {
                break;
            }

            var inner = value.AsSpan(at + 2, end - at - 2);
            var dot = inner.IndexOf('.');
            if (dot > 0 && dot < inner.Length - 1 && IsWord(inner[..dot]) && IsWord(inner[(dot + 1)..]))
            {
                found.Add(new(inner[..dot].ToString(), inner[(dot + 1)..].ToString(), at, end - at + 1));
                at = value.IndexOf("${", end + 1, StringComparison.Ordinal);
            }
            else
            {
                at = value.IndexOf("${", at + 2, StringComparison.Ordinal);
            }
        }

        return found;
    }

    /// <summary><paramref name="value"/> with every reference replaced by <paramref name="resolve"/>'s text (null: kept as written).</summary>
    public static string Fill(string value, Func<ConnectionReference, string?> resolve)
    {
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            return value;
        }

        var references = FindAll(value);
        if (references.Count == 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        var from = 0;
        foreach (var reference in references)
        {
            text.Append(value, from, reference.Start - from);
            text.Append(resolve(reference) ?? value.Substring(reference.Start, reference.Length));
            from = reference.Start + reference.Length;
        }

        return text.Append(value, from, value.Length - from).ToString();
    }

    private static bool IsWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
