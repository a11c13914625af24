namespace Procurator.Tests.Compose;

/// <summary>Interpolation as the compose spec defines it, from the process environment and <c>.env</c>.</summary>
public sealed class ComposeInterpolationTests
{
    private static readonly Dictionary<string, string> Shell = new() { ["SET"] = "value", ["EMPTY"] = "", ["INNER"] = "inner" };

    private static string Value(string text, Dictionary<string, string>? files = null, Dictionary<string, string>? environment = null) =>
        ComposeTestFiles.Service($"services:\n  app:\n    image: x\n    environment:\n      V: '{text}'\n", files, environment ?? Shell).Environment["V"]!;

    [Theory]
    [InlineData("$SET", "value")]
    [InlineData("${SET}", "value")]
    [InlineData("a${SET}b$SET.c", "avalueb" + "value.c")]
    [InlineData("${UNSET}", "")]
    [InlineData("${UNSET:-default}", "default")]
    [InlineData("${EMPTY:-default}", "default")]
    [InlineData("${EMPTY-default}", "")]
    [InlineData("${UNSET-default}", "default")]
    [InlineData("${SET:-default}", "value")]
    [InlineData("${SET:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("${SET?err}", "value")]
    [InlineData("${EMPTY?err}", "")]
    [InlineData("${UNSET:-${INNER:-x}}", "inner")]
    [InlineData("${UNSET:-${ALSO_UNSET:-x}}", "x")]
    [InlineData("${UNSET:-a ${SET} b}", "a value b")]
    [InlineData("$$SET", "$SET")]
    [InlineData("$${SET}", "${SET}")]
    [InlineData("100$$", "100$")]
    public void Forms(string text, string expected) => Assert.Equal(expected, Value(text));

    [Fact]
    public void Dot_env_beside_the_file_fills_variables_and_the_process_environment_wins()
    {
        var files = new Dictionary<string, string> { ["/project/.env"] = "FROM_DOT_ENV=dot\nSET=from dot env\n" };
        Assert.Equal("dot value", Value("$FROM_DOT_ENV $SET", files));
    }

    [Theory]
    [InlineData("${UNSET:?must be set}", "compose.yaml(5,10): error PRO028: required variable UNSET is missing a value: must be set")]
    [InlineData("${EMPTY:?must not be empty}", "compose.yaml(5,10): error PRO028: required variable EMPTY is missing a value: must not be empty")]
    [InlineData("${UNSET?}", "compose.yaml(5,10): error PRO028: required variable UNSET is missing a value")]
    [InlineData("${SET", "compose.yaml(5,10): error PRO028: invalid interpolation in \"${SET\": a '${' is not closed")]
    [InlineData("$(cat x)", "compose.yaml(5,10): error PRO028: invalid interpolation in \"$(cat x)\": a '$' must start $NAME or ${NAME}, or be doubled ($$) for a literal '$'")]
    [InlineData("${}", "compose.yaml(5,10): error PRO028: invalid interpolation in \"${}\": '${}' does not start with a variable name")]
    [InlineData("${SET:x}", "compose.yaml(5,10): error PRO028: invalid interpolation in \"${SET:x}\": '${SET:x}' has an unknown operator after SET (use :- - :? ? :+ or +)")]
    public void Errors_name_the_variable_and_the_place(string text, string expected) =>
        Assert.Equal([expected], ComposeTestFiles.Errors($"services:\n  app:\n    image: x\n    environment:\n      V: '{text}'\n", environment: Shell));

    [Fact]
    public void Unset_variable_is_one_warning()
    {
        var result = ComposeTestFiles.Load("services:\n  app:\n    image: \"x${TAG}\"\n    environment: [\"A=${TAG}\"]\n");
        Assert.NotNull(result.Project);
        Assert.Equal(["/project/compose.yaml(3,12): warning PRO034: the variable TAG is not set; it is replaced by an empty string"],
            result.Diagnostics.Select(d => Procurator.Diagnostics.DiagnosticFormatter.Format(d)));
    }

    [Fact]
    public void Keys_are_not_interpolated() =>
        Assert.True(ComposeTestFiles.Service("services:\n  app:\n    image: x\n    environment:\n      $KEY: v\n", environment: Shell).Environment.ContainsKey("$KEY"));
}
