namespace Procurator;

/// <summary>
/// The declarations of the evaluation in progress. Flow-local (not process-global), so
/// evaluations on different threads or one after another never see each other's state.
/// </summary>
internal static class DslContext
{
    private static readonly AsyncLocal<WorkspaceDeclarations?> CurrentValue = new();

    public static WorkspaceDeclarations Current => CurrentValue.Value
        ?? throw new InvalidOperationException(
            "The Procurator DSL is only available while `procurator` evaluates a script.");

    /// <summary>Starts collecting declarations for one evaluation; dispose to stop.</summary>
    public static Scope Begin(WorkspaceDeclarations declarations)
    {
        var previous = CurrentValue.Value;
        CurrentValue.Value = declarations;
        return new Scope(previous);
    }

    public readonly struct Scope(WorkspaceDeclarations? previous) : IDisposable
    {
        public void Dispose() => CurrentValue.Value = previous;
    }
}
