using Procurator.Compose;

namespace Procurator.Tests.Compose;

/// <summary>The compose spec's port forms; each port printed as <c>hostIp|host:container/protocol</c>, <c>-</c> for no host.</summary>
public sealed class ComposePortTests
{
    private static string Show(ComposePort p) => $"{p.HostIp}|{p.Host ?? "-"}:{p.Container}/{p.Protocol}";

    private static string[] Ports(string entries) =>
        ComposeTestFiles.Service($"services:\n  app:\n    image: x\n{entries}").Ports.Select(Show).ToArray();

    [Theory]
    [InlineData("\"3000\"", "|-:3000/tcp")]
    [InlineData("3000", "|-:3000/tcp")]
    [InlineData("\"3000-3002\"", "|-:3000/tcp,|-:3001/tcp,|-:3002/tcp")]
    [InlineData("\"8000:8000\"", "|8000:8000/tcp")]
    [InlineData("\"9090-9091:8080-8081\"", "|9090:8080/tcp,|9091:8081/tcp")]
    [InlineData("\"49100:22\"", "|49100:22/tcp")]
    [InlineData("56:56", "|56:56/tcp")]
    [InlineData("\"127.0.0.1:8001:8001\"", "127.0.0.1|8001:8001/tcp")]
    [InlineData("\"127.0.0.1:5000-5001:5000-5001\"", "127.0.0.1|5000:5000/tcp,127.0.0.1|5001:5001/tcp")]
    [InlineData("\"127.0.0.1::5000\"", "127.0.0.1|-:5000/tcp")]
    [InlineData("\"[::1]:6001:6001\"", "::1|6001:6001/tcp")]
    [InlineData("\"6060:6060/udp\"", "|6060:6060/udp")]
    [InlineData("\"12400-12500:1240\"", "|12400-12500:1240/tcp")]
    [InlineData("\"5000:5000/SCTP\"", "|5000:5000/sctp")]
    public void Short_form(string entry, string expected) =>
        Assert.Equal(expected.Split(','), Ports($"    ports:\n      - {entry}\n"));

    [Fact]
    public void Long_form_with_published_as_string_or_number_or_range()
    {
        var ports = Ports("""
                ports:
                  - target: 80
                    published: 8080
                    host_ip: 127.0.0.1
                    protocol: udp
                    mode: host
                  - target: 443
                    published: "8443"
                  - target: 9000
                    published: 9000-9010
                  - target: 7000
            """ + "\n");
        Assert.Equal(["127.0.0.1|8080:80/udp", "|8443:443/tcp", "|9000-9010:9000/tcp", "|-:7000/tcp"], ports);
    }

    [Fact]
    public void Expose_gives_container_ports_without_a_host()
    {
        var ports = Ports("    ports: [\"80:80\"]\n    expose:\n      - 3000\n      - \"4000-4001\"\n      - \"5000/udp\"\n");
        Assert.Equal(["|80:80/tcp", "|-:3000/tcp", "|-:4000/tcp", "|-:4001/tcp", "|-:5000/udp"], ports);
    }

    [Theory]
    [InlineData("\"70000:80\"", "compose.yaml(5,9): error PRO031: invalid port '70000:80': '70000' is not a host port or range (1-65535)")]
    [InlineData("\"abc\"", "compose.yaml(5,9): error PRO031: invalid port 'abc': 'abc' is not a container port or range (1-65535)")]
    [InlineData("\"80:80/xtp\"", "compose.yaml(5,9): error PRO031: invalid port '80:80/xtp': unknown protocol 'xtp' (tcp, udp or sctp)")]
    [InlineData("\"9090-9092:8080-8081\"", "compose.yaml(5,9): error PRO031: invalid port '9090-9092:8080-8081': the host range 9090-9092 and the container range 8080-8081 differ in length")]
    [InlineData("\"8080:3000-3001\"", "compose.yaml(5,9): error PRO031: invalid port '8080:3000-3001': the host range 8080 and the container range 3000-3001 differ in length")]
    [InlineData("{published: 80}", "compose.yaml(5,9): error PRO031: a long-form port needs 'target', the container port")]
    [InlineData("3000.5", "compose.yaml(5,9): error PRO031: invalid port '3000.5': '3000.5' is not a container port or range (1-65535)")]
    public void Bad_ports_are_errors_at_their_line(string entry, string expected) =>
        Assert.Equal([expected], ComposeTestFiles.Errors($"services:\n  app:\n    image: x\n    ports:\n      - {entry}\n"));
}
