using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Procurator.Supervisor.Control;

/// <summary>Handles one request; writes response lines through <c>send</c>, the last one with <see cref="ControlResponse.Done"/>.</summary>
internal delegate Task ControlHandler(ControlRequest request, Func<ControlResponse, Task> send, CancellationToken cancellationToken);

/// <summary>
/// Listens on the workspace's Unix domain socket (never TCP), reads one JSON request line per
/// connection and hands it to the handler. Removes any socket file it finds (the caller holds the
/// <see cref="ManagerLock"/>, so that file is stale) and removes its own on dispose.
/// </summary>
internal sealed class ControlServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly string _path;
    private readonly ControlHandler _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private int _disposed;

    private ControlServer(Socket listener, string path, ControlHandler handler)
    {
        _listener = listener;
        _path = path;
        _handler = handler;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Binds <paramref name="socketPath"/> (mode 0600 inside a 0700 directory) and starts accepting.</summary>
    public static ControlServer Start(string socketPath, ControlHandler handler)
    {
        File.Delete(socketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new ControlServer(listener, socketPath, handler);
    }

    /// <summary>Stops accepting, removes the socket file, and waits briefly for open connections to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Stop accepting first, let answers in progress finish (down's last line), then cut the rest.
        _listener.Dispose();
        File.Delete(_path);
        await _accepting.ConfigureAwait(false);
        Task[] open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        var all = Task.WhenAll(open);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_gate)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var socket = client;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        var gate = new SemaphoreSlim(1, 1);
        async Task Send(ControlResponse response)
        {
            await gate.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                await writer.WriteLineAsync(ControlJson.Line(response)).ConfigureAwait(false);
                await writer.FlushAsync(_stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        try
        {
            var line = await reader.ReadLineAsync(_stopping.Token).ConfigureAwait(false);
            if (line is null)
            {
                return;
            }

            ControlRequest request;
            try
            {
                request = ControlJson.ParseRequest(line);
            }
            catch (JsonException e)
            {
                await Send(new ControlResponse { Ok = false, Done = true, Error = $"not a request: {e.Message}" }).ConfigureAwait(false);
                return;
            }

            await _handler(request, Send, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left, or the manager is going away.
        }
        catch (Exception e)
        {
            // A failed request must not take the manager down: tell the client.
            try
            {
                await Send(new ControlResponse { Ok = false, Done = true, Error = e.Message }).ConfigureAwait(false);
            }
            catch (Exception again) when (again is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Gone as well.
            }
        }
        finally
        {
            gate.Dispose();
        }
    }
}
