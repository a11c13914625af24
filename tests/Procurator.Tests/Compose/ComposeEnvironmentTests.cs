namespace Procurator.Tests.Compose;

/// <summary><c>environment</c> and <c>env_file</c>: forms, precedence and the env file format.</summary>
public sealed class ComposeEnvironmentTests
{
    private static readonly Dictionary<string, string> Shell = new() { ["FROM_SHELL"] = "shell", ["SHARED"] = "shell wins" };

    private static string Env(string body, Dictionary<string, string>? files = null) =>
        string.Join(",", ComposeTestFiles.Service($"services:\n  app:\n    image: x\n{body}", files, Shell).Environment
            .Select(e => $"{e.Key}={e.Value ?? "<null>"}"));

    [Theory]
    [InlineData("    environment:\n      - A=1\n      - B=x=y\n      - C=\n", "A=1,B=x=y,C=")]
    [InlineData("    environment:\n      - FROM_SHELL\n      - UNSET\n", "FROM_SHELL=shell,UNSET=<null>")]
    [InlineData("    environment:\n      A: 1\n      B: true\n      C: \"quoted\"\n      FROM_SHELL:\n      UNSET: ~\n", "A=1,B=true,C=quoted,FROM_SHELL=shell,UNSET=<null>")]
    [InlineData("    environment: {A: \"${FROM_SHELL}-x\"}\n", "A=shell-x")]
    public void Environment_forms(string body, string expected) => Assert.Equal(expected, Env(body));

    [Fact]
    public void Env_files_in_order_then_environment_over_them()
    {
        var files = new Dictionary<string, string>
        {
            ["/project/a.env"] = "A=from a\nB=from a\nC=from a\n",
            ["/project/conf/b.env"] = "B=from b\nC=from b\n",
        };
        Assert.Equal("A=from a,B=from b,C=from environment",
            Env("    env_file: [a.env, conf/b.env]\n    environment: [C=from environment]\n", files));
    }

    [Theory]
    [InlineData("    env_file: a.env\n")]
    [InlineData("    env_file:\n      - path: a.env\n        required: true\n        format: raw\n")]
    [InlineData("    env_file:\n      - a.env\n      - path: missing.env\n        required: false\n")]
    public void Env_file_forms(string body) =>
        Assert.Equal("A=1", Env(body, new() { ["/project/a.env"] = "A=1\n" }));

    [Fact]
    public void Env_file_format()
    {
        var text = "# a comment\n\nexport EXPORTED=yes\nPLAIN=some value # comment\nHASH=a#b\nSINGLE='single $NOT ${INTERPOLATED}'\n"
            + "DOUBLE=\"line1\\nline2 \\\"q\\\" ${FROM_SHELL}\"\nMULTI=\"first\nsecond\"\nEMPTY=\nREUSE=${PLAIN}!\nBARE_SET=x\nFROM_SHELL\n  INDENTED = spaced  \r\n";
        Assert.Equal(
            "BARE_SET=x,DOUBLE=line1\nline2 \"q\" shell,EMPTY=,EXPORTED=yes,FROM_SHELL=shell,HASH=a#b,INDENTED=spaced,MULTI=first\nsecond,PLAIN=some value,REUSE=some value!,SINGLE=single $NOT ${INTERPOLATED}",
            Env("    env_file: a.env\n", new() { ["/project/a.env"] = text }));
    }

    [Fact]
    public void Missing_required_env_file_is_an_error_at_the_reference() =>
        Assert.Equal(["compose.yaml(5,9): error PRO033: env file 'missing.env' of service 'app' was not found (/project/missing.env)"],
            ComposeTestFiles.Errors("services:\n  app:\n    image: x\n    env_file:\n      - missing.env\n"));

    [Theory]
    [InlineData("OK=1\nnot a line\n", "a.env(2,1): error PRO033: 'not a line' is not a variable name (expected KEY=VALUE)")]
    [InlineData("OK=1\n  1BAD=x\n", "a.env(2,3): error PRO033: '1BAD' is not a variable name (expected KEY=VALUE)")]
    [InlineData("A=\"never closed\nB=2\n", "a.env(1,1): error PRO033: a double-quoted value is not closed")]
    [InlineData("A='open\n", "a.env(1,1): error PRO033: a single-quoted value is not closed on its line")]
    [InlineData("A=${B:?needs B}\n", "a.env(1,1): error PRO028: required variable B is missing a value: needs B")]
    public void Malformed_env_file_is_an_error_at_its_line(string text, string expected) =>
        Assert.Equal([expected], ComposeTestFiles.Errors("services:\n  app:\n    image: x\n    env_file: a.env\n", new Dictionary<string, string> { ["/project/a.env"] = text }));
}
