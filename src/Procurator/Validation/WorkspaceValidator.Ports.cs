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

        foreach (var check in HealthChecks().Where(c => c.Check.Port is < 1 or > MaxPort))
        {
            Error(ErrorCodes.PortOutOfRange, $"health check port {check.Check.Port} of {check.Owner} is out of range (1-{MaxPort})", check.Check.Site);
        }

        foreach (var group in bindings.Where(b => b.Port is >= 1 and <= MaxPort).GroupBy(b => b.Port))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                var message = other.Owner == first.Owner
                    ? $"port {other.Port} is declared twice by {other.Owner} (first at {Where(first.Site)})"
                    : $"port {other.Port} of {other.Owner} is already used by {first.Owner} ({Where(first.Site)})";
                Error(ErrorCodes.PortInUse, message, other.Site);
            }
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

    private IEnumerable<(HealthCheck Check, string Owner)> HealthChecks() =>
        _declarations.Projects.SelectMany(p => p.HealthCheckList.Select(c => (c, $"project '{p.Name}'")))
            .Concat(_declarations.Services.Where(s => s.HealthCheckSetting is not null)
                .Select(s => (s.HealthCheckSetting!, $"service '{s.Name}'")));
}
