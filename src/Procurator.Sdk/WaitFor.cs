namespace Procurator;

/// <summary>What <c>procurator up</c> waits for before it starts a dependent.</summary>
/// <example><code>Project("api").DependsOn("migrate", WaitFor.Completed);</code></example>
public enum WaitFor
{
    /// <summary>The dependency's process has been started.</summary>
    Started,

    /// <summary>The dependency passes its readiness check (the default).</summary>
    Ready,

    /// <summary>The dependency's tasks ran to completion with exit code 0 (migrations, seeds).</summary>
    Completed,
}
