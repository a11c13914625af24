using System.Net;
using System.Net.Sockets;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Support;

namespace Procurator.Supervisor.Tests.Integration;

/// <summary>Real processes whose failure no restart can fix: the unit ends at once, with the reason in words.</summary>
public sealed class FailFastIntegrationTests
{
    [ProcessFact]
    public async Task A_port_held_by_another_process_fails_the_unit_at_once_naming_the_holder()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var stack = new RealStack([RealUnits.Service("api", "exec sleep 1000") with { Ports = [port] }], checkPorts: true);

        await stack.Orchestrator.StartAsync();
        var settled = await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        var api = stack.Status("api");
        Assert.Equal((UnitState.Failed, 0), (api.State, api.Restarts));
        Assert.StartsWith($"port {port} held by pid {Environment.ProcessId} (", api.Reason, StringComparison.Ordinal);
        Assert.Equal([$"api failed: {api.Reason}"], settled.Failures);
    }

    [ProcessFact]
    public async Task A_missing_working_folder_fails_the_unit_at_once()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"procurator-missing-{Guid.NewGuid():N}");
        await using var stack = new RealStack([RealUnits.Service("api", "exec sleep 1000") with { Command = Commands.Sh("exec sleep 1000", missing) }]);

        await stack.Orchestrator.StartAsync();
        await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        var api = stack.Status("api");
        Assert.Equal((UnitState.Failed, 0, $"working folder {missing} does not exist"), (api.State, api.Restarts, api.Reason));
    }

    [ProcessFact]
    public async Task A_command_that_does_not_exist_fails_the_unit_at_once_with_the_shells_line()
    {
        await using var stack = new RealStack([RealUnits.Service("api", "no-such-command-procurator --serve") with { Readiness = new LogLineProbe("^listening$") }]);

        await stack.Orchestrator.StartAsync();
        await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        var api = stack.Status("api");
        Assert.Equal((UnitState.Failed, 0), (api.State, api.Restarts));
        Assert.StartsWith("exit 127: ", api.Reason, StringComparison.Ordinal);
        Assert.EndsWith("no-such-command-procurator: not found", api.Reason, StringComparison.Ordinal);
    }

    [ProcessFact]
    public async Task A_unit_that_exits_before_it_was_ever_ready_gives_up_after_three_starts_quoting_stderr()
    {
        await using var stack = new RealStack(
            [RealUnits.Service("api", "echo 'GET / 200'; echo boom >&2; echo bye; exit 3") with { Readiness = new LogLineProbe("^listening$") }]);

        await stack.Orchestrator.StartAsync();
        await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        var api = stack.Status("api");
        Assert.Equal(
            (UnitState.GaveUp, 2, "exit 3: boom (exited 3 times in a row before it was ever ready)"),
            (api.State, api.Restarts, api.Reason));
    }
}
