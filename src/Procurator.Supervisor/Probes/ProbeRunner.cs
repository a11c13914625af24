using System.Globalization;
using System.Net.Sockets;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Probes;

/// <summary>
/// Runs tcp, http and exec probes for real. Exec probes go through the process runner, so a
/// hung probe is killed with its whole session when its timeout passes. A
/// <see cref="LogLineProbe"/> is a programming error here (the orchestrator matches those
/// against output) and throws <see cref="ArgumentException"/>.
/// </summary>
internal sealed class ProbeRunner : IProbeRunner, IDisposable
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private readonly IProcessRunner _processes;
    private readonly HttpClient _http;

    /// <param name="processes">Starts exec probes, normally the same <see cref="PosixProcessRunner"/> as the units.</param>
    public ProbeRunner(IProcessRunner processes)
    {
        _processes = processes;
        // Redirects are not followed: a 3xx already says the server answers.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <inheritdoc />
    public Task<ProbeResult> CheckAsync(string unitName, Probe probe, CancellationToken cancellationToken) => probe switch
    {
        TcpProbe tcp => CheckTcpAsync(tcp, cancellationToken),
        HttpProbe http => CheckHttpAsync(http, cancellationToken),
        ExecProbe exec => CheckExecAsync(unitName, exec, cancellationToken),
        _ => throw new ArgumentException($"{probe.Describe()} is not run by the probe runner; the orchestrator matches it against the unit's output.", nameof(probe)),
    };

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private static async Task<ProbeResult> CheckTcpAsync(TcpProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.Timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(probe.Host, probe.Port, timeout.Token).ConfigureAwait(false);
            return new ProbeResult(true, "connected");
        }
        catch (SocketException e)
        {
            return new ProbeResult(false, e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(probe);
        }
    }

    private async Task<ProbeResult> CheckHttpAsync(HttpProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.Timeout);
        try
        {
            using var response = await _http.GetAsync(probe.Url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new ProbeResult(status is >= 200 and < 400, $"HTTP {status}");
        }
        catch (HttpRequestException e)
        {
            return new ProbeResult(false, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(probe);
        }
    }

    private async Task<ProbeResult> CheckExecAsync(string unitName, ExecProbe probe, CancellationToken cancellationToken)
    {
        var output = new LastLineSink();
        IRunningProcess process;
        try
        {
            process = _processes.Start($"{unitName} probe", probe.Command, output);
        }
        catch (ProcessStartException e)
        {
            return new ProbeResult(false, e.Message);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.Timeout);
        try
        {
            var exit = await process.Exited.WaitAsync(timeout.Token).ConfigureAwait(false);
            // Whatever the probe left running in the background goes with it.
            if (process.LivePids().Count > 0)
                process.Signal(StopSignal.Kill);
            return new ProbeResult(exit.Succeeded, output.Last is { } last ? $"{exit}: {last}" : exit.ToString());
        }
        catch (OperationCanceledException)
        {
            // Kill the probe and whatever it started; wait a little so it is not left as a zombie.
            process.Signal(StopSignal.Kill);
            await process.Exited.WaitAsync(KillWait, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return TimedOut(probe);
        }
    }

    private static ProbeResult TimedOut(Probe probe) =>
        new(false, $"timed out after {probe.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s");
}
