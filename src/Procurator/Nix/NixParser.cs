namespace Procurator.Nix;

/// <summary>
/// A recursive-descent recognizer of Nix 2.8's grammar (its <c>parser.y</c>): it builds no
/// tree, and stops at the first error. Operator precedence, lowest first: <c>-&gt;</c> (right),
/// <c>||</c>, <c>&amp;&amp;</c>, <c>== !=</c> (non-associative), <c>&lt; &gt; &lt;= &gt;=</c>
/// (non-associative), <c>//</c> (right), prefix <c>!</c>, <c>+ -</c>, <c>* /</c>, <c>++</c>
/// (right), <c>?</c>, prefix <c>-</c>; then application, then selection (<c>a.b or c</c>).
/// </summary>
internal sealed partial class NixParser
{
    /// <summary>Deeper nesting is refused rather than risking the stack; generated files nest a few dozen levels.</summary>
    private const int MaxDepth = 500;

    private readonly NixLexer _lexer;
    private readonly string _text;
    private readonly List<NixToken> _ahead = [];
    private int _next;
    private int _depth;

    public NixParser(string text)
    {
        _text = text;
        _lexer = new NixLexer(text);
    }

    /// <summary>Parses the whole text as one expression; throws <see cref="NixParseFailure"/> at the first error.</summary>
    public void ParseFile()
    {
        Expr();
        if (Peek().Kind != NixTokenKind.End)
        {
            throw Unexpected(Peek(), "end of file");
        }
    }

    private void Expr()
    {
        Enter();
        Function();
        _depth--;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new NixParseFailure(Peek().Start, $"expression nested more than {MaxDepth} levels deep");
        }
    }

    private void Function()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case NixTokenKind.Id when Peek(1).Kind == NixTokenKind.Colon:
                Advance();
                Advance();
                Expr();
                return;
            case NixTokenKind.Id when Peek(1).Kind == NixTokenKind.At && Peek(2).Kind == NixTokenKind.LBrace:
                Advance();
                Advance();
                Formals();
                Expect(NixTokenKind.Colon);
                Expr();
                return;
            case NixTokenKind.LBrace when StartsFormals():
                Formals();
                if (Accept(NixTokenKind.At))
                {
                    Expect(NixTokenKind.Id);
                }

                Expect(NixTokenKind.Colon);
                Expr();
                return;
            case NixTokenKind.Assert or NixTokenKind.With:
                Advance();
                Expr();
                Expect(NixTokenKind.Semicolon);
                Expr();
                return;
            case NixTokenKind.Let when Peek(1).Kind != NixTokenKind.LBrace:
                Advance();
                Bindings(NixTokenKind.In);
                Expect(NixTokenKind.In);
                Expr();
                return;
            case NixTokenKind.If:
                Advance();
                Expr();
                Expect(NixTokenKind.Then);
                Expr();
                Expect(NixTokenKind.Else);
                Expr();
                return;
            default:
                Operators(0);
                return;
        }
    }

    /// <summary>
    /// At <c>{</c>: a function's formals rather than an attribute set when it is <c>{ }</c>
    /// followed by <c>:</c> or <c>@</c>, or starts with <c>...</c> or with a name followed by
    /// <c>,</c>, <c>?</c> or <c>}</c>.
    /// </summary>
    private bool StartsFormals() => Peek(1).Kind switch
    {
        NixTokenKind.RBrace => Peek(2).Kind is NixTokenKind.Colon or NixTokenKind.At,
        NixTokenKind.Ellipsis => true,
        NixTokenKind.Id => Peek(2).Kind is NixTokenKind.Comma or NixTokenKind.Question or NixTokenKind.RBrace,
        _ => false,
    };

    private void Formals()
    {
        Expect(NixTokenKind.LBrace);
        while (!Accept(NixTokenKind.RBrace))
        {
            if (Accept(NixTokenKind.Ellipsis))
            {
                Expect(NixTokenKind.RBrace);
                return;
            }

            Expect(NixTokenKind.Id);
            if (Accept(NixTokenKind.Question))
            {
                Expr();
            }

            if (!Accept(NixTokenKind.Comma))
            {
                Expect(NixTokenKind.RBrace);
                return;
            }
        }
    }

    /// <summary>Binary and prefix operators by precedence climbing; <paramref name="min"/> is the lowest level taken.</summary>
    private void Operators(int min)
    {
        Enter();
        switch (Peek().Kind)
        {
            case NixTokenKind.Not:
                Advance();
                Operators(8);
                break;
            case NixTokenKind.Minus:
                Advance();
                Operators(13);
                break;
            default:
                Application();
                break;
        }

        var nonAssociative = -1;
        while (true)
        {
            var token = Peek();
            var (level, right) = Binary(token.Kind);
            if (level < min || level == 0)
            {
                _depth--;
                return;
            }

            if (level == nonAssociative)
            {
                throw Unexpected(token, null);
            }

            Advance();
            if (token.Kind == NixTokenKind.Question)
            {
                AttrPath();
                continue;
            }

            Operators(right ? level : level + 1);
            nonAssociative = level is 4 or 5 ? level : -1;
        }
    }

    private static (int Level, bool Right) Binary(NixTokenKind kind) => kind switch
    {
        NixTokenKind.Impl => (1, true),
        NixTokenKind.OrOr => (2, false),
        NixTokenKind.And => (3, false),
        NixTokenKind.Eq or NixTokenKind.Neq => (4, false),
        NixTokenKind.Less or NixTokenKind.Greater or NixTokenKind.Leq or NixTokenKind.Geq => (5, false),
        NixTokenKind.Update => (6, true),
        NixTokenKind.Plus or NixTokenKind.Minus => (8, false),
        NixTokenKind.Star or NixTokenKind.Slash => (9, false),
        NixTokenKind.Concat => (10, true),
        NixTokenKind.Question => (11, false),
        _ => (0, false),
    };

    private void Application()
    {
        Select();
        while (StartsSimple())
        {
            Select();
        }
    }

    /// <summary><c>a.b.c</c>, <c>a.b or default</c>, and the old <c>f or</c> (applying <c>f</c> to a variable named <c>or</c>).</summary>
    private void Select()
    {
        Enter();
        Simple();
        if (Accept(NixTokenKind.Dot))
        {
            AttrPath();
            if (Accept(NixTokenKind.Or))
            {
                Select();
            }
        }
        else
        {
            Accept(NixTokenKind.Or);
        }

        _depth--;
    }

    private bool StartsSimple() => Peek().Kind switch
    {
        NixTokenKind.Id or NixTokenKind.Int or NixTokenKind.Float or NixTokenKind.Path or NixTokenKind.PathStart
            or NixTokenKind.SearchPath or NixTokenKind.Uri or NixTokenKind.StringOpen or NixTokenKind.IndStringOpen
            or NixTokenKind.LParen or NixTokenKind.LBracket or NixTokenKind.LBrace or NixTokenKind.Rec => true,
        NixTokenKind.Let => Peek(1).Kind == NixTokenKind.LBrace,
        _ => false,
    };

    private void Simple()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case NixTokenKind.Id or NixTokenKind.Int or NixTokenKind.Float or NixTokenKind.Path or NixTokenKind.SearchPath or NixTokenKind.Uri:
                Advance();
                return;
            case NixTokenKind.PathStart:
                Advance();
                Interpolations(NixTokenKind.PathEnd);
                return;
            case NixTokenKind.StringOpen:
                Advance();
                Interpolations(NixTokenKind.StringClose);
                return;
            case NixTokenKind.IndStringOpen:
                Advance();
                Interpolations(NixTokenKind.IndStringClose);
                return;
            case NixTokenKind.LParen:
                Advance();
                Expr();
                Expect(NixTokenKind.RParen);
                return;
            case NixTokenKind.LBracket:
                Advance();
                while (!Accept(NixTokenKind.RBracket))
                {
                    if (!StartsSimple())
                    {
                        throw Unexpected(Peek(), "']'");
                    }

                    Select();
                }

                return;
            case NixTokenKind.Rec or NixTokenKind.Let:
                Advance();
                Expect(NixTokenKind.LBrace);
                Bindings(NixTokenKind.RBrace);
                Expect(NixTokenKind.RBrace);
                return;
            case NixTokenKind.LBrace:
                Advance();
                Bindings(NixTokenKind.RBrace);
                Expect(NixTokenKind.RBrace);
                return;
            default:
                throw Unexpected(token, null);
        }
    }

    /// <summary>The rest of a string or path: any number of <c>${ expr }</c>, then <paramref name="close"/>.</summary>
    private void Interpolations(NixTokenKind close)
    {
        while (!Accept(close))
        {
            Expect(NixTokenKind.DollarCurly);
            Expr();
            Expect(NixTokenKind.RBrace);
        }
    }

    /// <summary><c>path = expr;</c> and <c>inherit [(expr)] names;</c> until <paramref name="end"/> (not consumed).</summary>
    private void Bindings(NixTokenKind end)
    {
        while (Peek().Kind != end)
        {
            if (Accept(NixTokenKind.Inherit))
            {
                if (Accept(NixTokenKind.LParen))
                {
                    Expr();
                    Expect(NixTokenKind.RParen);
                }

                while (!Accept(NixTokenKind.Semicolon))
                {
                    if (Peek().Kind == NixTokenKind.DollarCurly)
                    {
                        throw new NixParseFailure(Peek().Start, "dynamic attributes not allowed in inherit");
                    }

                    Attr();
                }

                continue;
            }

            if (Peek().Kind is not (NixTokenKind.Id or NixTokenKind.Or or NixTokenKind.StringOpen or NixTokenKind.DollarCurly))
            {
                throw Unexpected(Peek(), Describe(end));
            }

            AttrPath();
            Expect(NixTokenKind.Assign);
            Expr();
            Expect(NixTokenKind.Semicolon);
        }
    }

    private void AttrPath()
    {
        Attr();
        while (Accept(NixTokenKind.Dot))
        {
            Attr();
        }
    }

    private void Attr()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case NixTokenKind.Id or NixTokenKind.Or:
                Advance();
                return;
            case NixTokenKind.StringOpen:
                Advance();
                Interpolations(NixTokenKind.StringClose);
                return;
            case NixTokenKind.DollarCurly:
                Advance();
                Expr();
                Expect(NixTokenKind.RBrace);
                return;
            default:
                throw Unexpected(token, "an attribute name");
        }
    }
}
