using Procurator.Compose;

namespace Procurator.Tests.Compose;

/// <summary><c>healthcheck</c>: test forms, Go durations and the defaults Compose applies.</summary>
public sealed class ComposeHealthCheckTests
{
    private static ComposeHealthCheck? Check(string body) =>
        ComposeTestFiles.Service($"services:\n  app:\n    image: x\n    healthcheck:\n{body}").HealthCheck;

    [Theory]
    [InlineData("      test: curl -f http://localhost\n", "CMD-SHELL¦curl -f http://localhost")]
    [InlineData("      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n", "CMD¦curl¦-f¦http://localhost")]
    [InlineData("      test: [\"CMD-SHELL\", \"curl -f http://localhost || exit 1\"]\n", "CMD-SHELL¦curl -f http://localhost || exit 1")]
    [InlineData("      test: [\"CMD-SHELL\", \"echo $$HOME\"]\n", "CMD-SHELL¦echo $HOME")]
    [InlineData("      interval: 5s\n", "")]
    public void Test_forms(string body, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('¦'), Check(body)!.Test);

    [Theory]
    [InlineData("      test: [\"NONE\"]\n")]
    [InlineData("      test: [\"CMD\", \"true\"]\n      disable: true\n")]
    public void Disabled_check_is_null(string body) => Assert.Null(Check(body));

    [Fact]
    public void Unset_durations_take_the_compose_defaults()
    {
        var check = Check("      test: [\"CMD\", \"true\"]\n")!;
        Assert.Equal((30, 30, 3, 0), (check.IntervalSeconds, check.TimeoutSeconds, check.Retries, check.StartPeriodSeconds));
    }

    [Theory]
    [InlineData("1m30s", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("1h", 3600)]
    [InlineData("10s", 10)]
    [InlineData("1.5s", 1.5)]
    [InlineData("250us", 0.00025)]
    [InlineData("1000000ns", 0.001)]
    [InlineData("0", 0)]
    [InlineData("2h45m", 9900)]
    public void Go_durations(string text, double seconds)
    {
        var check = Check($"      test: [\"CMD\", \"true\"]\n      interval: {text}\n      timeout: {text}\n      start_period: {text}\n      start_interval: 1s\n      retries: 7\n")!;
        Assert.Equal((seconds, seconds, 7, seconds), (check.IntervalSeconds, check.TimeoutSeconds, check.Retries, check.StartPeriodSeconds));
    }

    [Theory]
    [InlineData("10", "compose.yaml(6,17): error PRO032: healthcheck interval '10' is not a duration such as 30s, 1m30s or 500ms")]
    [InlineData("10 s", "compose.yaml(6,17): error PRO032: healthcheck interval '10 s' is not a duration such as 30s, 1m30s or 500ms")]
    [InlineData("5d", "compose.yaml(6,17): error PRO032: healthcheck interval '5d' is not a duration such as 30s, 1m30s or 500ms")]
    [InlineData("-5s", "compose.yaml(6,17): error PRO032: healthcheck interval '-5s' is not a duration such as 30s, 1m30s or 500ms")]
    public void Bad_durations_are_errors(string text, string expected) =>
        Assert.Equal([expected], ComposeTestFiles.Errors($"services:\n  app:\n    image: x\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: {text}\n"));

    [Fact]
    public void Bad_test_is_an_error() =>
        Assert.Equal(["compose.yaml(5,13): error PRO027: healthcheck test is a command string, or a list starting with CMD, CMD-SHELL or NONE"],
            ComposeTestFiles.Errors("services:\n  app:\n    image: x\n    healthcheck:\n      test: [\"RUN\", \"true\"]\n"));
}
