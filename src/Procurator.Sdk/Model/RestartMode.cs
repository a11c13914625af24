namespace Procurator.Model;

/// <summary>What <c>procurator up</c> does when a long-running process exits.</summary>
public enum RestartMode
{
    /// <summary>Leave it stopped or failed.</summary>
    No,

    /// <summary>Restart after a non-zero exit, with backoff (the default).</summary>
    OnFailure,

    /// <summary>Restart after any exit.</summary>
    Always,
}
