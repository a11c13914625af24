using System.Net;
using System.Net.Sockets;
using Procurator.Supervisor.Probes;
using Procurator.Supervisor.Processes;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Support;
using static Procurator.Supervisor.Tests.Support.Commands;

namespace Procurator.Supervisor.Tests;

public sealed class ProbeRunnerTests : IDisposable
{
    private readonly ProbeRunner _probes = new(new PosixProcessRunner());

    public void Dispose() => _probes.Dispose();

    [Fact]
    public async Task Tcp_is_healthy_when_a_listener_accepts()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var result = await Check(new TcpProbe("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port));
            Assert.Equal(new ProbeResult(true, "connected"), result);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Tcp_is_unhealthy_when_the_connection_is_refused()
    {
        Assert.Equal(new ProbeResult(false, "connection refused"), await Check(new TcpProbe("127.0.0.1", ClosedPort())));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(302, true)]
    [InlineData(404, false)]
    [InlineData(503, false)]
    public async Task Http_is_healthy_on_2xx_and_3xx(int status, bool healthy)
    {
        await using var server = new TinyHttpServer(status);
        var result = await Check(new HttpProbe($"http://127.0.0.1:{server.Port}/health"));
        Assert.Equal(new ProbeResult(healthy, $"HTTP {status}"), result);
    }

    [Fact]
    public async Task Http_is_unhealthy_when_nothing_listens()
    {
        var result = await Check(new HttpProbe($"http://127.0.0.1:{ClosedPort()}/"));
        Assert.False(result.Healthy);
        Assert.Contains("Connection refused", result.Detail, StringComparison.Ordinal);
    }

    [ProcessFact]
    public async Task Exec_is_healthy_on_exit_0_and_reports_the_last_line()
    {
        Assert.Equal(new ProbeResult(true, "exit 0: accepting connections"), await Check(new ExecProbe(Sh("echo checking; echo accepting connections"))));
        Assert.Equal(new ProbeResult(false, "exit 2: no response"), await Check(new ExecProbe(Sh("echo no response >&2; exit 2"))));
        Assert.Equal(new ProbeResult(false, "exit 1"), await Check(new ExecProbe(Sh("exit 1"))));
    }

    [ProcessFact]
    public async Task A_hung_exec_probe_is_killed_with_its_children_at_the_timeout()
    {
        using var dir = new TempDirectory();
        var pidFile = Path.Combine(dir.Path, "pids");
        var probe = new ExecProbe(Sh($"sleep 1000 & echo $$ $! > {pidFile}; wait")) { Timeout = TimeSpan.FromSeconds(3) };
        var result = await Check(probe);

        var pids = File.ReadAllText(pidFile).Split(' ', StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
        Assert.True(await Poll.UntilAsync(() => !pids.Any(p => ProcFs.IsRunningIn(p, pids[0]))), "the probe's processes survived");
        Assert.Equal(new ProbeResult(false, "timed out after 3s"), result);
    }

    [Fact]
    public async Task A_probe_that_cannot_start_is_unhealthy_with_the_reason()
    {
        var probe = new ExecProbe(Sh("true") with { FileName = "no-such-probe-procurator", Arguments = [] });
        var result = await Check(probe);

        Assert.Equal(new ProbeResult(false, "Cannot start unit 'api probe': 'no-such-probe-procurator' was not found on PATH (command: no-such-probe-procurator)."), result);
    }

    [Fact]
    public async Task Log_line_probes_are_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Check(new LogLineProbe("ready")));
        Assert.StartsWith("log /ready/ is not run by the probe runner", error.Message, StringComparison.Ordinal);
    }

    private Task<ProbeResult> Check(Probe probe) => _probes.CheckAsync("api", probe, CancellationToken.None);

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
