using System.Globalization;
using System.Text;

namespace Procurator.Discovery;

/// <summary>C# source for values written into a starter <c>procurator.csx</c>: every string escaped, every comment one line.</summary>
internal static class CSharpLiteral
{
    /// <summary>A regular C# string literal holding exactly <paramref name="value"/>.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
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
                case '\0': builder.Append(@"\0"); break;
                // Other control characters and the Unicode line breaks C# also ends a line at.
                case < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                // A lone surrogate cannot be written as UTF-8: keep it as an escape.
                case >= '\ud800' and <= '\udbff' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    builder.Append(c).Append(value[++i]);
                    break;
                case >= '\ud800' and <= '\udfff':
                    builder.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text for a <c>//</c> comment: every line break (as C# counts them) turned into a space.</summary>
    public static string Comment(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
