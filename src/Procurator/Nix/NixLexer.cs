using System.Buffers;

namespace Procurator.Nix;

/// <summary>
/// Nix's tokenizer, as 2.8's flex lexer behaves: the longest match wins (<c>x:y</c> is a URI,
/// <c>a/b</c> a path, <c>a-b</c> one identifier), and a stack of modes follows strings,
/// indented strings, interpolated paths and <c>${ }</c>, so the lexer needs no help from the
/// parser and any number of tokens can be looked ahead. Literal text inside strings and paths
/// produces no token: a syntax check needs only where they open, interpolate and close.
/// </summary>
internal sealed partial class NixLexer(string text)
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
