using Procurator.Nix;
using Procurator.Tests.Support;

namespace Procurator.Tests.Nix;

/// <summary>The Nix syntax checker on its own (no Nix needed); its agreement with Nix is <see cref="NixSyntaxAgreementTests"/>.</summary>
public sealed class NixSyntaxTests
{
    public static TheoryData<string> Files => [.. NixCorpus.Files];

    public static TheoryData<string> Flakes => [.. NixCorpus.GeneratedFlakes];

    public static TheoryData<string> Valid => [.. NixCorpus.Valid];

    public static TheoryData<string> Invalid => [.. NixCorpus.Invalid];

    [Fact]
    public void The_corpus_holds_the_generated_and_hand_written_flakes()
    {
        Assert.Contains("flake.nix", NixCorpus.Files);
        Assert.Contains(Path.Combine("nix", "package", "flake.nix"), NixCorpus.Files);
        Assert.Contains(Path.Combine("tests", "Procurator.Tests", "NixStub", "pkgs.nix"), NixCorpus.Files);
        Assert.True(NixCorpus.GeneratedFlakes.Count >= 15, string.Join(", ", NixCorpus.GeneratedFlakes));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_nix_file_of_the_repository_parses(string file) =>
        Assert.Null(NixSyntax.Check(NixCorpus.Read(file)));

    [Theory]
    [MemberData(nameof(Flakes))]
    public void Every_cut_of_a_generated_flake_is_refused(string file)
    {
        var text = NixCorpus.Read(file);
        var last = text.LastIndexOf('}');
        var accepted = Enumerable.Range(0, last / 3 + 1).Select(i => i * 3)
            .Where(cut => NixSyntax.Check(text[..cut]) is null)
            .ToArray();
        Assert.Empty(accepted);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_snippets_parse(string snippet) => Assert.Null(NixSyntax.Check(snippet));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_snippets_are_refused(string snippet) => Assert.NotNull(NixSyntax.Check(snippet));

    [Theory]
    [InlineData("{\n  a = \"x;\n}\n", "line 4, column 1: unexpected end of file in the string opened at line 2, column 7")]
    [InlineData("{ a = 1 }", "line 1, column 9: unexpected '}', expecting ';'")]
    [InlineData("{\n  a = 1;\n", "line 3, column 1: unexpected end of file, expecting '}'")]
    [InlineData("x: \"a ${x\"", "line 1, column 11: unexpected end of file in the string opened at line 1, column 10")]
    [InlineData("let a = 1; b = 2 in a", "line 1, column 18: unexpected 'in', expecting ';'")]
    [InlineData("x: ''a ${x", "line 1, column 11: unexpected end of file, expecting '}'")]
    [InlineData("/* a\n", "line 1, column 1: unterminated comment")]
    [InlineData("1 == 2 == 3", "line 1, column 8: unexpected '=='")]
    [InlineData("./a/", "line 1, column 5: path has a trailing slash")]
    [InlineData("{ inherit ${\"a\"}; }", "line 1, column 11: dynamic attributes not allowed in inherit")]
    [InlineData("{ a = [ 1 2; }", "line 1, column 12: unexpected ';', expecting ']'")]
    public void The_first_error_is_located_and_named(string text, string expected) =>
        Assert.Equal(expected, NixSyntax.Check(text)?.ToString());

    [Fact]
    public void Nesting_past_the_limit_is_an_error_not_a_stack_overflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        Assert.Equal("line 1, column 499: expression nested more than 500 levels deep", NixSyntax.Check(deep)?.ToString());
    }

    [Fact]
    public void A_25_megabyte_flake_is_accepted_and_its_cut_refused()
    {
        // Size, not speed: speed is measured by the benchmarks (about 120 ms here), never asserted in a test.
        var one = NixCorpus.Read(Path.Combine("examples", "microservices", "flake.nix"));
        var body = one[(one.IndexOf('{') + 1)..one.LastIndexOf('}')];
        var big = "{" + string.Concat(Enumerable.Range(0, 25_000_000 / one.Length).Select(i => $"\n  part{i} = {{{body}}};")) + "\n}\n";
        Assert.Null(NixSyntax.Check(big));
        Assert.NotNull(NixSyntax.Check(big[..(big.Length - 3)]));
    }
}
