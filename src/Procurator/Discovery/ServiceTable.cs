namespace Procurator.Discovery;

/// <summary>
/// The services found so far, merged by name: the same name with the same kind and version is one
/// service (ports, env and health check joined); a different version gets its own name
/// (<c>postgres-14</c>), as the validator would otherwise report a version conflict.
/// </summary>
internal sealed class ServiceTable(DiscoveryLog log)
{
    private readonly List<DiscoveredService> _services = [];

    public IEnumerable<string> Names => _services.Select(s => s.Name);

    /// <summary>Adds <paramref name="service"/>, returning the name it is known by.</summary>
    public string Add(DiscoveredService service)
    {
        var name = Naming.Sanitize(service.Name, "service");
        var existing = _services.FindIndex(s => s.Name == name);
        if (existing >= 0)
        {
            var other = _services[existing];
            if (other.Kind == service.Kind && (other.Version is null || service.Version is null || other.Version == service.Version))
            {
                _services[existing] = other with
                {
                    Version = other.Version ?? service.Version,
                    Ports = other.Ports.Concat(service.Ports).Distinct().ToArray(),
                    Env = other.Env.Concat(service.Env.Where(e => !other.Env.ContainsKey(e.Key))).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
                    HealthCheck = other.HealthCheck ?? service.HealthCheck,
                    DependsOn = other.DependsOn.Union(service.DependsOn, StringComparer.Ordinal).ToArray(),
                };
                log.Fact($"service {name}", $"declared again", service.Source);
                return name;
            }

            name = Naming.Sanitize($"{name}-{service.Version ?? service.Kind ?? "2"}", "service");
        }

        name = Naming.Unique(name, _services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        var kind = service.Kind ?? (ServiceKinds.IsKnown(name) ? name : null);
        var added = service with { Name = name, Kind = kind, Env = new SortedDictionary<string, string>((IDictionary<string, string>)service.Env, StringComparer.Ordinal) };
        _services.Add(added);
        var facts = new List<string>();
        if (service.Image is not null)
        {
            facts.Add($"image {service.Image}");
        }

        facts.Add(kind is null ? "unknown kind" : $"kind {kind}");
        if (service.Version is not null)
        {
            facts.Add($"version {service.Version}");
        }

        facts.AddRange(service.Ports.Select(p => $"port {p}"));
        facts.AddRange(service.Env.Keys.Order(StringComparer.Ordinal).Select(k => $"env {k}"));
        if (service.HealthCheck is { } health)
        {
            facts.Add($"health check {health.Type} {health.Command ?? health.Url ?? health.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        log.Fact($"service {name}", string.Join(", ", facts), service.Source);
        return name;
    }

    /// <summary>
    /// One port per service (its first published port, else its kind's default), moved to the next
    /// free one when another service has it; project ports another already has are dropped. Both
    /// are said in <paramref name="findings"/>.
    /// </summary>
    public (IReadOnlyList<DiscoveredService> Services, IReadOnlyList<DiscoveredProject> Projects) AssignPorts(IReadOnlyList<DiscoveredProject> projects, List<DiscoveryFinding> findings)
    {
        var used = new Dictionary<int, string>();
        var services = new List<DiscoveredService>();
        // Published ports are claimed before kinds' default ports, so a default never displaces them.
        foreach (var service in _services.OrderBy(s => s.Ports.Count == 0).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var wanted = service.Ports.Count > 0 ? service.Ports[0] : ServiceKinds.DefaultPort(service.Kind);
            if (wanted is not { } port)
            {
                services.Add(service with { Ports = [] });
                continue;
            }

            var free = port;
            while (used.ContainsKey(free))
            {
                free++;
            }

            if (free != port)
            {
                findings.Add(new DiscoveryFinding($"service {service.Name}", $"port {free}, as {port} is taken by {used[port]}", service.Source));
            }

            used[free] = service.Name;
            services.Add(service with { Ports = [free] });
        }

        var result = new List<DiscoveredProject>();
        foreach (var project in projects)
        {
            var ports = new List<int>();
            foreach (var port in project.Ports)
            {
                if (used.TryGetValue(port, out var owner))
                {
                    findings.Add(new DiscoveryFinding(project.Path, $"port {port} left out, as {owner} has it", null));
                    continue;
                }

                used[port] = project.Name;
                ports.Add(port);
            }

            result.Add(project with { Ports = ports });
        }

        return (services.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray(), result);
    }
}
