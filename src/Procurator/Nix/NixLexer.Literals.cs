namespace Procurator.Nix;

/// <summary>The lexer's literals without quotes: paths (and their interpolations), numbers, search paths and URIs.</summary>
internal sealed partial class NixLexer
{
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
}
