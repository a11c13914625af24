namespace Procurator.Model;

/// <summary>The one spelling of each <see cref="RestartMode"/>, as the DSL and <c>procurator.json</c> write it.</summary>
public static class RestartModes
{
    /// <summary>What a bad value is told: the accepted spellings.</summary>
    public const string Expected = "expected \"no\", \"on-failure\" or \"always\"";

    /// <summary><c>no</c>, <c>on-failure</c> or <c>always</c>.</summary>
    public static string Name(RestartMode mode) => mode switch
    {
        RestartMode.No => "no",
        RestartMode.Always => "always",
        _ => "on-failure",
    };

    /// <summary>The mode spelled <paramref name="name"/>, or null when it is not one.</summary>
    public static RestartMode? Parse(string? name) => name switch
    {
        "no" => RestartMode.No,
        "on-failure" => RestartMode.OnFailure,
        "always" => RestartMode.Always,
        _ => null,
    };
}
