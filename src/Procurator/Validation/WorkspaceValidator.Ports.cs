using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    private const int MaxPort = 65535;

    private sealed record PortBinding(int Port, string Owner, ScriptSite Site);

    private void CheckPorts()
    {
        var bindings = PortBindings().ToArray();
        foreach (var binding in bindings.Where(b => b.Port is < 1 or > MaxPort))
        {
            Error(ErrorCodes.PortOutOfRange, $"port {binding.Port} of {binding.Owner} is out of range (1-{MaxPort})", binding.Site);
        }

        foreach (var project in _declarations.Projects)
        {
            foreach (var check in project.HealthCheckList)
            {
                CheckHealthCheckPort(check, $"project '{project.Name}'");
            }
        }

        foreach (var service in _declarations.Services)
        {
            if (service.HealthCheckSetting is { } check)
            {
                CheckHealthCheckPort(check, $"service '{service.Name}'");
            }
        }

        // Each port's first binding in a dictionary, not GroupBy on the int port (see "Warm runs" in docs/ARCHITECTURE.md).
        var firstByPort = new Dictionary<int, PortBinding>();
        foreach (var binding in bindings.Where(b => b.Port is >= 1 and <= MaxPort))
        {
            if (!firstByPort.TryGetValue(binding.Port, out var first))
            {
                firstByPort[binding.Port] = binding;
                continue;
            }

            var message = binding.Owner == first.Owner
                ? $"port {binding.Port} is declared twice by {binding.Owner} (first at {Where(first.Site)})"
                : $"port {binding.Port} of {binding.Owner} is already used by {first.Owner} ({Where(first.Site)})";
            Error(ErrorCodes.PortInUse, message, binding.Site);
        }
    }

    private void CheckHealthCheckPort(HealthCheck check, string owner)
    {
        if (check is TcpHealthCheck { Port: < 1 or > MaxPort } tcp)
        {
            Error(ErrorCodes.PortOutOfRange, $"health check port {tcp.Port} of {owner} is out of range (1-{MaxPort})", check.Site);
        }
    }

    /// <summary>Every port something listens on: project ports, then each service's (its own or its kind's default).</summary>
    private IEnumerable<PortBinding> PortBindings()
    {
        foreach (var project in _declarations.Projects)
        {
            foreach (var port in project.PortList)
            {
                yield return new PortBinding(port.Value, $"project '{project.Name}'", port.Site);
            }
        }

        foreach (var service in MergedServices())
        {
            if (service.Port is { } port)
            {
                yield return new PortBinding(port.Value, $"service '{service.Name}'", port.Site);
            }
        }
    }
}
