namespace Procurator.Nix;

/// <summary>The lexer inside strings and indented strings: where they interpolate and where they end.</summary>
internal sealed partial class NixLexer
{
    /// <summary>Inside <c>"…"</c>: <c>\</c> escapes any character, and <c>$</c> interpolates only before <c>{</c> (<c>$${</c> is text).</summary>
    private NixToken InString()
    {
        var i = _pos;
        while (i < text.Length)
        {
            // Plain text is skipped in bulk (vectorized): strings are most of a generated flake.
            var special = text.AsSpan(i).IndexOfAny(StringSpecials);
            if (special < 0)
            {
                break;
            }

            i += special;
            switch (text[i])
            {
                case '"':
                    _pos = i;
                    _modes.RemoveAt(_modes.Count - 1);
                    return Token(NixTokenKind.StringClose, 1);
                case '\\':
                    i += 2;
                    break;
                case '$' when At(i + 1) == '{':
                    _pos = i;
                    return Push(Mode.Code, NixTokenKind.DollarCurly, 2);
                case '$':
                    i += At(i + 1) is '"' or '\\' ? 1 : 2;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return Unterminated("string");
    }

    /// <summary>Inside <c>''…''</c>: <c>'''</c>, <c>''$</c> and <c>''\x</c> are escapes, any other <c>''</c> closes.</summary>
    private NixToken InIndString()
    {
        var i = _pos;
        while (i < text.Length)
        {
            var special = text.AsSpan(i).IndexOfAny(IndStringSpecials);
            if (special < 0)
            {
                break;
            }

            i += special;
            var c = text[i];
            if (c == '\'' && At(i + 1) == '\'')
            {
                var next = At(i + 2);
                if (next is '\'' or '$')
                {
                    i += 3;
                    continue;
                }

                if (next == '\\' && i + 3 < text.Length)
                {
                    i += 4;
                    continue;
                }

                _pos = i;
                _modes.RemoveAt(_modes.Count - 1);
                return Token(NixTokenKind.IndStringClose, 2);
            }

            if (c == '$' && At(i + 1) == '{')
            {
                _pos = i;
                return Push(Mode.Code, NixTokenKind.DollarCurly, 2);
            }

            i += c == '$' && At(i + 1) != '\'' ? 2 : 1;
        }

        return Unterminated("indented string");
    }
}
