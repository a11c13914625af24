namespace Procurator.Nix;

/// <summary>The parser's token cursor: look ahead, consume, and say what was expected where.</summary>
internal sealed partial class NixParser
{
    private NixToken Peek(int offset = 0)
    {
        while (_ahead.Count <= _next + offset)
        {
            _ahead.Add(_lexer.Next());
        }

        return _ahead[_next + offset];
    }

    private void Advance()
    {
        _next++;
        if (_next == _ahead.Count)
        {
            _ahead.Clear();
            _next = 0;
        }
    }

    private bool Accept(NixTokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(NixTokenKind kind)
    {
        if (!Accept(kind))
        {
            throw Unexpected(Peek(), Describe(kind));
        }
    }

    private NixParseFailure Unexpected(NixToken token, string? expected)
    {
        if (token.Kind == NixTokenKind.Error)
        {
            return new NixParseFailure(token.Start, _lexer.ErrorMessage!);
        }

        var found = token.Kind == NixTokenKind.End ? "end of file" : $"'{_text.AsSpan(token.Start, Math.Min(token.Length, 40))}'";
        return new NixParseFailure(token.Start, expected is null ? $"unexpected {found}" : $"unexpected {found}, expecting {expected}");
    }

    private static string Describe(NixTokenKind kind) => kind switch
    {
        NixTokenKind.Id => "an identifier",
        NixTokenKind.In => "'in'",
        NixTokenKind.Then => "'then'",
        NixTokenKind.Else => "'else'",
        NixTokenKind.Colon => "':'",
        NixTokenKind.Semicolon => "';'",
        NixTokenKind.Assign => "'='",
        NixTokenKind.LBrace => "'{'",
        NixTokenKind.RBrace => "'}'",
        NixTokenKind.RParen => "')'",
        NixTokenKind.RBracket => "']'",
        NixTokenKind.StringClose => "'\"'",
        NixTokenKind.IndStringClose => "\"''\"",
        NixTokenKind.DollarCurly => "'${'",
        _ => kind.ToString(),
    };
}
