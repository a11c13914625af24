using Procurator.Nix;

namespace Procurator.Tests;

public sealed class NixWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("${HOME}", "\"\\${HOME}\"")]
    [InlineData("$HOME and $$", "\"$HOME and $$\"")]
    [InlineData("$${x}", "\"$\\${x}\"")]
    [InlineData("line\nnext\r\ttab", "\"line\\nnext\\r\\ttab\"")]
    [InlineData("''", "\"''\"")]
    [InlineData("héllo ✓ 🚀", "\"héllo ✓ 🚀\"")]
    public void String_escapes_what_Nix_would_interpret(string value, string expected) =>
        Assert.Equal(expected, NixWriter.String(value));

    [Fact]
    public void String_refuses_a_NUL_character() =>
        Assert.Throws<NixWriterException>(() => NixWriter.String("a\0b"));

    [Theory]
    [InlineData("api", "api")]
    [InlineData("api-web", "api-web")]
    [InlineData("it's", "it's")]
    [InlineData("_private", "_private")]
    [InlineData("let", "\"let\"")]
    [InlineData("in", "\"in\"")]
    [InlineData("or", "\"or\"")]
    [InlineData("2fast", "\"2fast\"")]
    [InlineData("gtk+3", "\"gtk+3\"")]
    [InlineData("a.b", "\"a.b\"")]
    [InlineData("", "\"\"")]
    [InlineData("api\n", "\"api\\n\"")]
    public void AttrName_is_bare_only_when_Nix_allows_it(string name, string expected) =>
        Assert.Equal(expected, NixWriter.AttrName(name));

    [Fact]
    public void Select_quotes_each_segment_that_needs_it() =>
        Assert.Equal("pkgs.python3Packages.\"gtk+3\".\"if\"", NixWriter.Select("pkgs", ["python3Packages", "gtk+3", "if"]));

    [Fact]
    public void List_of_nothing_is_an_empty_list()
    {
        Assert.Equal("[ ]", NixWriter.List([]));
        Assert.Equal("[ a b ]", NixWriter.List(["a", "b"]));
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$HOME `x` \\", "'$HOME `x` \\'")]
    public void ShellQuote_keeps_every_byte(string value, string expected) =>
        Assert.Equal(expected, ShellQuote.Single(value));

    [Fact]
    public void Bare_identifier_rule_accepts_exactly_what_its_pattern_accepts()
    {
        const string alphabet = "aAzZ09_'-`{@[/:. \né";
        var regex = new System.Text.RegularExpressions.Regex("^[A-Za-z_][A-Za-z0-9_'-]*\\z");
        List<string> all = [string.Empty], level = [string.Empty];
        for (var length = 1; length <= 3; length++)
        {
            level = level.SelectMany(text => alphabet.Select(c => text + c)).ToList();
            all.AddRange(level);
        }

        Assert.DoesNotContain(all, text => NixWriter.IsBareIdentifier(text) != regex.IsMatch(text));
    }
}
