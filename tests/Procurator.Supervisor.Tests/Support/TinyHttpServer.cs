using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Procurator.Supervisor.Tests.Support;

/// <summary>Answers every request on a loopback port with one fixed status; enough for probes.</summary>
internal sealed class TinyHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TinyHttpServer(int status)
    {
        _listener.Start();
        _loop = ServeAsync(status);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync(int status)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[1024];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var count = await stream.ReadAsync(buffer, _stop.Token);
                if (count == 0)
                    break;
                request.Append(Encoding.ASCII.GetString(buffer, 0, count));
            }

            var response = $"HTTP/1.1 {status} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
        }
    }
}
