using System.Buffers;

namespace Procurator.Nix;

/// <summary>
/// Nix's tokenizer, as 2.8's flex lexer behaves: the longest match wins (<c>x:y</c> is a URI,
/// <c>a/b</c> a path, <c>a-b</c> one identifier), and a stack of modes follows strings,
/// indented strings, interpolated paths and <c>${ }</c>, so the lexer needs no help from the
/// parser and any number of tokens can be looked ahead. Literal text inside strings and paths
/// produces no token: a syntax check needs only where they open, interpolate and close.
/// </summary>
internal sealed class NixLexer(string text)
{
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\$");
    private static readonly SearchValues<char> IndStringSpecials = SearchValues.Create("'$");

    private readonly List<(Mode Mode, int Start)> _modes = [(Mode.Code, 0)];
    private int _pos;

    private enum Mode : byte
    {
        Code,
        String,
        IndString,
        Path,
    }

    /// <summary>Why the <see cref="NixTokenKind.Error"/> token was produced; after one, every token is an error.</summary>
    public string? ErrorMessage { get; private set; }

    public NixToken Next()
    {
        if (ErrorMessage is not null)
        {
            return new NixToken(NixTokenKind.Error, _pos, 0);
        }

        return _modes[^1].Mode switch
        {
            Mode.String => InString(),
            Mode.IndString => InIndString(),
            Mode.Path => InPath(),
            _ => InCode(),
        };
    }

    private NixToken InCode()
    {
        if (SkipTrivia() is { } error)
        {
            return error;
        }

        var start = _pos;
        if (start >= text.Length)
        {
            return new NixToken(NixTokenKind.End, start, 0);
        }

        var c = text[start];
        switch (c)
        {
            case '"':
                return Push(Mode.String, NixTokenKind.StringOpen, 1);
            case '\'' when At(start + 1) == '\'':
                return Push(Mode.IndString, NixTokenKind.IndStringOpen, 2);
            case '$' when At(start + 1) == '{':
                return Push(Mode.Code, NixTokenKind.DollarCurly, 2);
            case '{':
                return Push(Mode.Code, NixTokenKind.LBrace, 1);
            case '}':
                if (_modes.Count > 1)
                {
                    _modes.RemoveAt(_modes.Count - 1);
                }

                return Token(NixTokenKind.RBrace, 1);
        }

        // Longest match; on a tie the rule flex lists first wins (keywords, operators, ID, INT,
        // FLOAT, paths, search paths, URIs), hence the strict comparisons.
        var (kind, length) = Operator(start);
        if (kind == NixTokenKind.Other)
        {
            length = 0; // any other rule beats the catch-all single character
        }

        if (IsIdStart(c))
        {
            var end = start + 1;
            while (end < text.Length && IsIdChar(text[end]))
            {
                end++;
            }

            if (end - start > length)
            {
                (kind, length) = (Keyword(start, end - start), end - start);
            }
        }

        if (char.IsAsciiDigit(c))
        {
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - start > length)
            {
                (kind, length) = (NixTokenKind.Int, end - start);
            }
        }

        if (FloatLength(start) is var floatLength && floatLength > length)
        {
            (kind, length) = (NixTokenKind.Float, floatLength);
        }

        var path = PathLength(c == '~' && At(start + 1) == '/' ? start + 1 : start);
        if (path.Length > 0 && path.End - start > length)
        {
            if (path.TrailingSlash)
            {
                return Fail(path.End, "path has a trailing slash");
            }

            if (path.Interpolated)
            {
                _pos = path.End;
                _modes.Add((Mode.Path, start));
                return new NixToken(NixTokenKind.PathStart, start, path.End - start);
            }

            (kind, length) = (NixTokenKind.Path, path.End - start);
        }

        if (c == '<' && SearchPathLength(start) is var search && search > length)
        {
            (kind, length) = (NixTokenKind.SearchPath, search);
        }

        if (UriLength(start) is var uri && uri > length)
        {
            (kind, length) = (NixTokenKind.Uri, uri);
        }

        return Token(kind, Math.Max(length, 1));
    }

    /// <summary>Skips whitespace and comments; an unterminated <c>/*</c> is an error.</summary>
    private NixToken? SkipTrivia()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < text.Length && text[_pos] is not ('\n' or '\r'))
                {
                    _pos++;
                }
            }
            else if (c == '/' && At(_pos + 1) == '*')
            {
                var close = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    return Fail(_pos, "unterminated comment");
                }

                _pos = close + 2;
            }
            else
            {
                break;
            }
        }

        return null;
    }

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

    /// <summary>Inside an interpolated path (<c>./a/${x}.nix</c>): more path text, more <c>${</c>, or its end.</summary>
    private NixToken InPath()
    {
        var i = _pos;
        while (true)
        {
            if (At(i) == '$' && At(i + 1) == '{')
            {
                _pos = i;
                return Push(Mode.Code, NixTokenKind.DollarCurly, 2);
            }

            if (IsPathChar(At(i)))
            {
                i++;
            }
            else if (At(i) == '/')
            {
                if (!IsPathChar(At(i + 1)) && !(At(i + 1) == '$' && At(i + 2) == '{'))
                {
                    return Fail(i + 1, "path has a trailing slash");
                }

                i++;
            }
            else
            {
                _pos = i;
                _modes.RemoveAt(_modes.Count - 1);
                return new NixToken(NixTokenKind.PathEnd, i, 0);
            }
        }
    }

    /// <summary>
    /// A path from <paramref name="start"/> (after <c>~</c> for a home path): path characters,
    /// then at least one <c>/</c> followed by a path character or <c>${</c>.
    /// </summary>
    private (int Length, int End, bool Interpolated, bool TrailingSlash) PathLength(int start)
    {
        var i = start;
        while (IsPathChar(At(i)))
        {
            i++;
        }

        var segments = 0;
        while (At(i) == '/')
        {
            if (IsPathChar(At(i + 1)))
            {
                i += 2;
                while (IsPathChar(At(i)))
                {
                    i++;
                }

                segments++;
            }
            else if (At(i + 1) == '$' && At(i + 2) == '{')
            {
                return (1, i + 1, true, false);
            }
            else
            {
                return segments == 0 ? default : (1, i + 1, false, true);
            }
        }

        if (segments == 0)
        {
            return default;
        }

        return At(i) == '$' && At(i + 1) == '{' ? (1, i, true, false) : (1, i, false, false);
    }

    private int FloatLength(int start)
    {
        var i = start;
        if (At(i) is >= '1' and <= '9')
        {
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }

            if (At(i) != '.')
            {
                return 0;
            }

            i++;
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }
        else
        {
            if (At(i) == '0')
            {
                i++;
            }

            if (At(i) != '.' || !char.IsAsciiDigit(At(i + 1)))
            {
                return 0;
            }

            i += 2;
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }

        if (At(i) is 'e' or 'E')
        {
            var e = i + 1;
            if (At(e) is '+' or '-')
            {
                e++;
            }

            if (char.IsAsciiDigit(At(e)))
            {
                i = e;
                while (char.IsAsciiDigit(At(i)))
                {
                    i++;
                }
            }
        }

        return i - start;
    }

    /// <summary><c>&lt;nixpkgs/lib&gt;</c>: path characters in segments between angle brackets.</summary>
    private int SearchPathLength(int start)
    {
        var i = start + 1;
        while (true)
        {
            if (!IsPathChar(At(i)))
            {
                return 0;
            }

            while (IsPathChar(At(i)))
            {
                i++;
            }

            if (At(i) == '>')
            {
                return i + 1 - start;
            }

            if (At(i) != '/')
            {
                return 0;
            }

            i++;
        }
    }

    /// <summary><c>github:NixOS/nixpkgs</c>: a scheme, a colon, then at least one URI character.</summary>
    private int UriLength(int start)
    {
        if (!char.IsAsciiLetter(At(start)))
        {
            return 0;
        }

        var i = start + 1;
        while (At(i) is var c && (char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            i++;
        }

        if (At(i) != ':' || !IsUriChar(At(i + 1)))
        {
            return 0;
        }

        i++;
        while (IsUriChar(At(i)))
        {
            i++;
        }

        return i - start;
    }

    private (NixTokenKind Kind, int Length) Operator(int start)
    {
        var c = text[start];
        var two = (c, At(start + 1)) switch
        {
            ('=', '=') => NixTokenKind.Eq,
            ('!', '=') => NixTokenKind.Neq,
            ('<', '=') => NixTokenKind.Leq,
            ('>', '=') => NixTokenKind.Geq,
            ('&', '&') => NixTokenKind.And,
            ('|', '|') => NixTokenKind.OrOr,
            ('-', '>') => NixTokenKind.Impl,
            ('/', '/') => NixTokenKind.Update,
            ('+', '+') => NixTokenKind.Concat,
            _ => NixTokenKind.Other,
        };
        if (c == '.' && At(start + 1) == '.' && At(start + 2) == '.')
        {
            return (NixTokenKind.Ellipsis, 3);
        }

        if (two != NixTokenKind.Other)
        {
            return (two, 2);
        }

        return (c switch
        {
            '[' => NixTokenKind.LBracket,
            ']' => NixTokenKind.RBracket,
            '(' => NixTokenKind.LParen,
            ')' => NixTokenKind.RParen,
            ';' => NixTokenKind.Semicolon,
            ':' => NixTokenKind.Colon,
            ',' => NixTokenKind.Comma,
            '.' => NixTokenKind.Dot,
            '=' => NixTokenKind.Assign,
            '@' => NixTokenKind.At,
            '?' => NixTokenKind.Question,
            '!' => NixTokenKind.Not,
            '+' => NixTokenKind.Plus,
            '-' => NixTokenKind.Minus,
            '*' => NixTokenKind.Star,
            '/' => NixTokenKind.Slash,
            '<' => NixTokenKind.Less,
            '>' => NixTokenKind.Greater,
            _ => NixTokenKind.Other,
        }, 1);
    }

    private NixTokenKind Keyword(int start, int length) => text.AsSpan(start, length) switch
    {
        "if" => NixTokenKind.If,
        "then" => NixTokenKind.Then,
        "else" => NixTokenKind.Else,
        "assert" => NixTokenKind.Assert,
        "with" => NixTokenKind.With,
        "let" => NixTokenKind.Let,
        "in" => NixTokenKind.In,
        "rec" => NixTokenKind.Rec,
        "inherit" => NixTokenKind.Inherit,
        "or" => NixTokenKind.Or,
        _ => NixTokenKind.Id,
    };

    private NixToken Push(Mode mode, NixTokenKind kind, int length)
    {
        _modes.Add((mode, _pos));
        return Token(kind, length);
    }

    private NixToken Token(NixTokenKind kind, int length)
    {
        var token = new NixToken(kind, _pos, length);
        _pos += length;
        return token;
    }

    private NixToken Unterminated(string what)
    {
        var opened = _modes[^1].Start;
        var (line, column) = NixSyntax.Position(text, opened);
        return Fail(text.Length, $"unexpected end of file in the {what} opened at line {line}, column {column}");
    }

    private NixToken Fail(int at, string message)
    {
        ErrorMessage = message;
        _pos = Math.Min(at, text.Length);
        return new NixToken(NixTokenKind.Error, _pos, 0);
    }

    private char At(int index) => index < text.Length ? text[index] : '\0';

    private static bool IsIdStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '\'' or '-';

    private static bool IsPathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+';

    private static bool IsUriChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '%' or '/' or '?' or ':' or '@' or '&' or '=' or '+' or '$' or ',' or '-' or '_' or '.' or '!' or '~' or '*' or '\'';
}
