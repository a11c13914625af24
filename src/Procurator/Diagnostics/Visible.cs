using System.Text;

namespace Procurator.Diagnostics;

/// <summary>
/// Text from users (names, values, policy messages) made safe to print on a terminal or in a CI
/// log: every control character is shown as an escape (<c>\n</c>, <c>\u001b</c>), so an escape
/// sequence is never interpreted and a value can never start a line (<c>::error::</c> of GitHub).
/// </summary>
internal static class Visible
{
    public static string Text(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsUnsafe(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // C0, DEL and C1 controls, and the line and paragraph separators some terminals and logs break at.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
