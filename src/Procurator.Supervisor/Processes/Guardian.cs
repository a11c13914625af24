using System.Diagnostics;
using System.Globalization;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Makes sure no unit outlives the manager, even when the manager is killed with SIGKILL
/// and runs no cleanup. One small <c>/bin/sh</c> process, in its own session, holds the read
/// end of a pipe whose write end only the manager holds; the manager writes each unit's
/// session id to it. When the pipe reaches end of file, because the manager closed it or
/// died, the guardian sends TERM to every session still registered, then KILL after the
/// grace period. On a normal shutdown the manager stops its units first and then disposes
/// the guardian, which finds nothing left to do.
/// </summary>
internal sealed class Guardian : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly Lock _gate = new();
    private bool _broken;
    private bool _disposed;

    private Guardian(Process process)
    {
        _process = process;
        _input = process.StandardInput;
        _input.AutoFlush = true;
        _input.NewLine = "\n";
    }

    /// <summary>The guardian's PID (for diagnostics and tests).</summary>
    public int Pid => _process.Id;

    /// <summary>
    /// Starts the guardian. <paramref name="grace"/> is the time between TERM and KILL once the
    /// manager is gone (default 2 s).
    /// </summary>
    public static Guardian Start(TimeSpan? grace = null)
    {
        var (fileName, arguments) = SessionLauncher.Locate().Wrap(["/bin/sh", "-c", GuardianScript.For(grace ?? TimeSpan.FromSeconds(2))]);
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        try
        {
            return new Guardian(Process.Start(start) ?? throw new ProcessStartException("The guardian process did not start."));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProcessStartException($"Cannot start the guardian process: {e.Message}", e);
        }
    }

    /// <summary>Registers a session (its leader's PID) to be killed if the manager dies.</summary>
    public void Watch(int sessionId) => Send('+', sessionId);

    /// <summary>Forgets a session whose processes are all gone, so a reused id is never signalled.</summary>
    public void Release(int sessionId) => Send('-', sessionId);

    private void Send(char verb, int sessionId)
    {
        lock (_gate)
        {
            if (_broken || _disposed)
                return;
            try
            {
                _input.WriteLine(verb + sessionId.ToString(CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The guardian died; units still run and are stopped by the manager as usual,
                // only the SIGKILL safety net is gone.
                _broken = true;
            }
        }
    }

    /// <summary>Closes the pipe (the guardian kills whatever is still registered) and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            try
            {
                _input.Dispose();
            }
            catch (IOException)
            {
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
    }
}
