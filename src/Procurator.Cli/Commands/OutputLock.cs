using Procurator.Supervisor.Control;

namespace Procurator.Cli.Commands;

/// <summary>
/// The lock <c>run</c> writes its output folder under, so <c>flake.nix</c> and <c>procurator.json</c>
/// always come from one run: each file is renamed into place atomically, but two concurrent runs
/// could otherwise interleave their renames. An flock on <c>&lt;hash&gt;.output.lock</c> in the
/// runtime folder of <see cref="ControlPaths"/> (not the workspace: that is the flake's source),
/// keyed by the output folder; the kernel drops it when a run dies.
/// </summary>
internal static class OutputLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock of <paramref name="outputDirectory"/>;
    /// null when it could not be taken in time. Without a runtime folder (Windows), no lock is needed to proceed.
    /// </summary>
    public static async Task<(IDisposable? Lock, bool TimedOut)> AcquireAsync(string outputDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            return (null, false);
        }

        var paths = ControlPaths.For(outputDirectory);
        paths.EnsureDirectory();
        var path = Path.ChangeExtension(paths.Lock, ".output.lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (ManagerLock.TryAcquire(path) is { } held)
            {
                return (held, false);
            }

            if (DateTime.UtcNow >= deadline)
            {
                return (null, true);
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }
}
