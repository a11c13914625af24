using System.Globalization;

namespace Procurator.Compose;

/// <summary>
/// Compose port syntax: <c>[HOST_IP:][HOST:]CONTAINER[/PROTOCOL]</c> where ports may be ranges
/// (<c>9090-9091:8080-8081</c> maps pairwise, <c>12400-12500:1240</c> keeps the host range),
/// an IPv6 host IP is bracketed (<c>[::1]:6001:6001</c>), and the long form's fields.
/// </summary>
internal static class PortParser
{
    private const int MaxPort = 65535;

    /// <summary>The ports of a short-form entry, or an error message.</summary>
    public static (IReadOnlyList<ComposePort> Ports, string? Error) Short(string text, bool published)
    {
        var rest = text.Trim();
        var protocol = "tcp";
        var slash = rest.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = rest[(slash + 1)..];
            rest = rest[..slash];
        }

        string? hostIp = null;
        string? host = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return Fail(text, "an IPv6 host address must be written [address]:port");
            }

            hostIp = rest[1..close];
            rest = rest[(close + 2)..];
        }

        var parts = rest.Split(':');
        var container = parts[^1];
        if (parts.Length >= 2)
        {
            host = parts[^2];
        }

        if (parts.Length >= 3)
        {
            if (hostIp is not null)
            {
                return Fail(text, "too many ':'");
            }

            hostIp = string.Join(':', parts[..^2]);
        }

        if (!published && (host is not null || hostIp is not null))
        {
            return Fail(text, "an exposed port is a container port or range, without a host part");
        }

        return Build(text, hostIp, host is "" ? null : host, container, protocol);
    }

    /// <summary>The ports of a long-form entry's values (target, published, host_ip, protocol).</summary>
    public static (IReadOnlyList<ComposePort> Ports, string? Error) Long(string target, string? published, string? hostIp, string? protocol) =>
        Build($"target {target}", hostIp is "" ? null : hostIp, published is "" ? null : published, target, protocol ?? "tcp");

    private static (IReadOnlyList<ComposePort>, string?) Build(string text, string? hostIp, string? host, string container, string protocol)
    {
        protocol = protocol.ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            return Fail(text, $"unknown protocol '{protocol}' (tcp, udp or sctp)");
        }

        if (Range(container) is not var (from, to))
        {
            return Fail(text, $"'{container}' is not a container port or range (1-{MaxPort})");
        }

        var count = to - from + 1;
        if (host is null)
        {
            return (Enumerable.Range(from, count).Select(p => new ComposePort(hostIp, null, p, protocol)).ToArray(), null);
        }

        if (Range(host) is not var (hostFrom, hostTo))
        {
            return Fail(text, $"'{host}' is not a host port or range (1-{MaxPort})");
        }

        var hostCount = hostTo - hostFrom + 1;
        if (count == 1)
        {
            // One container port behind a host range: the engine picks a free port from the range.
            var published = hostCount == 1 ? Number(hostFrom) : $"{Number(hostFrom)}-{Number(hostTo)}";
            return ([new ComposePort(hostIp, published, from, protocol)], null);
        }

        if (hostCount != count)
        {
            return Fail(text, $"the host range {host} and the container range {container} differ in length");
        }

        return (Enumerable.Range(0, count).Select(i => new ComposePort(hostIp, Number(hostFrom + i), from + i, protocol)).ToArray(), null);
    }

    private static (int From, int To)? Range(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var from = Port(dash < 0 ? text : text[..dash]);
        var to = dash < 0 ? from : Port(text[(dash + 1)..]);
        return from is { } f && to is { } t && f <= t ? (f, t) : null;
    }

    private static int? Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= MaxPort ? port : null;

    private static string Number(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static (IReadOnlyList<ComposePort>, string?) Fail(string text, string why) => ([], $"invalid port '{text}': {why}");
}
