using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Procurator.Supervisor.Control;

/// <summary>
/// Talks to a workspace's manager. <see cref="ConnectAsync"/> finds out whether one runs: a socket
/// that does not answer while nobody holds the lock is stale and is removed (no manual cleanup). A
/// runtime folder that is not private is refused (<see cref="ControlException"/>). A manager that
/// accepts the connection must answer a <c>ping</c> within <see cref="Timeout"/> (stopped with
/// SIGSTOP, it never would: <c>status</c> and <c>down</c> hung for ever); the answer names its pid.
/// </summary>
internal sealed class ControlClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    /// <summary>Seconds a manager has to answer the first line, when set (default 5).</summary>
    public const string TimeoutVariable = "PROCURATOR_CONTROL_TIMEOUT";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private ControlClient(Socket socket, ManagerReport manager)
    {
        Manager = manager;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    /// <summary>The manager this client talks to, as it answered the ping: its pid and start time.</summary>
    public ManagerReport Manager { get; }

    /// <summary>How long a manager has to answer: <see cref="TimeoutVariable"/> seconds, else 5.</summary>
    public static TimeSpan Timeout =>
        double.TryParse(Environment.GetEnvironmentVariable(TimeoutVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTimeout;

    /// <summary>
    /// A connection to the running manager, or null when none runs. While a manager holds the lock
    /// but does not answer yet (it is still starting), retries for up to <paramref name="patience"/>.
    /// </summary>
    public static async Task<ControlClient?> ConnectAsync(ControlPaths paths, TimeSpan? patience = null, CancellationToken cancellationToken = default)
    {
        paths.VerifyDirectory(); // a socket in another user's folder answers whatever they like
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (File.Exists(paths.Socket) && await PingAsync(paths, cancellationToken).ConfigureAwait(false) is { } manager
                && await TryConnectAsync(paths.Socket, cancellationToken).ConfigureAwait(false) is { } socket)
            {
                return new ControlClient(socket, manager);
            }

            if (!ManagerLock.IsHeld(paths.Lock))
            {
                // Nobody holds the lock: whatever socket file is there was left by a dead manager.
                if (File.Exists(paths.Socket) && ManagerLock.TryAcquire(paths.Lock) is { } held)
                {
                    using (held)
                    {
                        File.Delete(paths.Socket);
                    }
                }

                return null;
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request and yields the response lines until the one marked done (or the end of the stream).</summary>
    public async IAsyncEnumerable<ControlResponse> SendAsync(ControlRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(ControlJson.Line(request) + "\n");
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        while (await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var response = ControlJson.ParseResponse(line);
            yield return response;
            if (response.Done)
            {
                yield break;
            }
        }
    }

    /// <summary>Sends the request and returns the final line; a connection that ends early yields an error response.</summary>
    public async Task<ControlResponse> RequestAsync(ControlRequest request, Func<ControlResponse, Task>? onNotice = null, CancellationToken cancellationToken = default)
    {
        await foreach (var response in SendAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (response.Done)
            {
                return response;
            }

            if (onNotice is not null)
            {
                await onNotice(response).ConfigureAwait(false);
            }
        }

        return new ControlResponse { Ok = false, Done = true, Error = "the manager closed the connection" };
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }

    /// <summary>The manager's answer to a ping on a connection of its own (one request per connection); null when none listens.</summary>
    private static async Task<ManagerReport?> PingAsync(ControlPaths paths, CancellationToken cancellationToken)
    {
        var timeout = Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            if (await TryConnectAsync(paths.Socket, deadline.Token).ConfigureAwait(false) is not { } socket)
            {
                return null;
            }

            await using var ping = new ControlClient(socket, new ManagerReport(0, default));
            var response = await ping.RequestAsync(new ControlRequest("ping"), cancellationToken: deadline.Token).ConfigureAwait(false);
            return response.Status?.Manager; // none: it closed the connection, a manager stopping
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ControlException.NoAnswer(paths, timeout);
        }
        catch (IOException)
        {
            return null; // it went away between connect and answer: a manager stopping
        }
    }

    private static async Task<Socket?> TryConnectAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
