namespace Procurator.Supervisor.Control;

/// <summary>
/// The control channel cannot be trusted or used: the command stops with the message alone
/// (<c>procurator: error: …</c>, exit 1), never a stack trace or a hang.
/// </summary>
internal sealed class ControlException : Exception
{
    private ControlException(string message)
        : base(message)
    {
    }

    /// <summary>The runtime folder is another user's, a link, or wider than 0700 (<see cref="RuntimeDirectory"/>).</summary>
    public static ControlException NotPrivate(string problem) => new(problem);

    /// <summary>A manager accepted the connection but did not answer (stopped with SIGSTOP, or hung).</summary>
    public static ControlException NoAnswer(ControlPaths paths, TimeSpan timeout) =>
        new($"the manager of {paths.Workspace} did not answer within {timeout.TotalSeconds:0.###} s on {paths.Socket}; " +
            $"it may be stopped (SIGSTOP; resume it with kill -CONT) or hung. Wait longer with {ControlClient.TimeoutVariable}=SECONDS");
}
