namespace Procurator.Tests.Support;

/// <summary>
/// The Nix texts the syntax checker is tried on: every <c>.nix</c> file of the repository
/// (generated flakes, examples, the repository's own flakes, the Nix stubs), cuts of them,
/// and hand-written snippets that parse or do not.
/// </summary>
internal static class NixCorpus
{
    /// <summary>Every .nix file under the repository (build output and .git left out), relative to its root.</summary>
    public static IReadOnlyList<string> Files { get; } = Directory
        .EnumerateFiles(RepositoryPaths.Root, "*.nix", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "artifacts"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The generated files (their top level is one attribute set): every cut before its last '}' is invalid.</summary>
    public static IReadOnlyList<string> GeneratedFlakes { get; } = Files
        .Where(f => f.Contains("expected", StringComparison.Ordinal) || f.StartsWith("examples", StringComparison.Ordinal) || f == "flake.nix")
        .Where(f => Path.GetFileName(f) == "flake.nix")
        .ToArray();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative));

    /// <summary>Snippets that parse, each one closed (no free variables: nix-instantiate --parse also resolves names).</summary>
    public static IReadOnlyList<string> Valid { get; } =
    [
        "{ }",
        "rec { a = 1; b = a; }",
        "let a = 1; in a",
        "let in 1",
        "x: y: x",
        "{ a, b ? 2, ... }@args: a + b",
        "args@{ a, }: a",
        "{}: 1",
        "x: if x then 1 else 2",
        "x: with x; assert true; 1",
        "x: x.a.b or x.c or null",
        "x: x ? a.\"b\".${\"c\"}",
        "x: -x - -1 * 2 / 3",
        "x: !x || x && x -> x",
        "x: (x == 1) != (x < 2)",
        "x: x // x // { }",
        "[ 1 2.5 .5 \"a\" ''b'' ./a/b ~/c <nixpkgs/lib> github:NixOS/nixpkgs ] ++ [ ]",
        "x: ./a/${x}.nix",
        "x: \"a ${x} \\\" \\${not} $${literal} $\"",
        "x: ''a ''${not} ''' ''\\n ${x} $'' ",
        "x: { inherit x; inherit (x) y \"z\"; a.b.c = 1; ${\"d\"} = 2; \"e f\" = 3; or = 4; }",
        "/* comment */ 1 # another",
        "let { body = 1; }",
        "1.2.3",
    ];

    /// <summary>Snippets that do not parse.</summary>
    public static IReadOnlyList<string> Invalid { get; } =
    [
        "",
        "# only a comment",
        "\"unterminated",
        "\"a ${\"b\"",
        "''unterminated",
        "''a ${ 1 ''",
        "{ a = 1; ",
        "{ a = 1 }",
        "{ a = { b = 1; }; ",
        "[ 1 2",
        "(1",
        "let a = 1; in",
        "let a = 1 in a",
        "if true then 1",
        "{ a }",
        "{ ..., a }: a",
        "{ a ? }: a",
        "1 == 2 == 3",
        "1 < 2 < 3",
        "1 +",
        "1; 2",
        "[ if ]",
        "rec",
        "/* unterminated 1",
        "./a/",
        "x: ./a/${x}/",
        "{ inherit ${\"a\"}; }",
        "{ a = 1; } }",
        "x: x.",
        "1 ~ 2",
    ];
}
