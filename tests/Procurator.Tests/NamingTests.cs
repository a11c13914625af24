using Procurator.Model;

namespace Procurator.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("api", "DATABASE_URL", "API_DATABASE_URL")]
    [InlineData("my-api", "X", "MY_API_X")]
    [InlineData("web2", "port", "WEB2_port")]
    public void Namespaced_env_var_is_PROJECT_VAR(string project, string key, string expected) =>
        Assert.Equal(expected, EnvNamespacing.Namespaced(project, key));

    [Theory]
    [InlineData("postgress", "postgres")]
    [InlineData("wroker", "worker")]
    [InlineData("apii", "api")]
    [InlineData("API", "api")]
    public void Closest_name_is_suggested(string typo, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typo, ["api", "worker", "postgres", "redis"]));

    [Theory]
    [InlineData("billing-service-v2")]
    [InlineData("x")]
    public void Nothing_is_suggested_when_nothing_is_close(string name) =>
        Assert.Null(Suggestions.Closest(name, ["api", "worker", "postgres", "redis"]));
}
