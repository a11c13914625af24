namespace Procurator.Model;

/// <summary>How a <see cref="WaitFor"/> is written in <c>procurator.json</c> and in the graph.</summary>
internal static class WaitForNames
{
    public const string Ready = "ready";

    public static string Of(WaitFor condition) => condition switch
    {
        WaitFor.Started => "started",
        WaitFor.Ready => Ready,
        WaitFor.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "not a WaitFor value"),
    };
}
