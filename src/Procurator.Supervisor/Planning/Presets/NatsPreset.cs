using System.Globalization;
using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// NATS on 127.0.0.1 and the planned port, with JetStream storing its streams under the data
/// directory; no monitoring, cluster or leaf ports. Ready when the port accepts a connection,
/// which nats-server opens only once JetStream is up.
/// </summary>
internal sealed class NatsPreset : IServicePreset
{
    private static readonly string[] Directories = ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"];

    public string Kind => "nats";

    public PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot)
    {
        var server = binaries.Find("nats-server", Directories);
        if (server is null)
        {
            return PresetResult.NotInstalled(service,
                $"no nats-server found on PATH or in {string.Join(", ", Directories)}",
                "nats-server");
        }

        var command = new CommandSpec(server,
            ["--addr", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--jetstream", "--store_dir", Path.Combine(dataDirectory, "jetstream")],
            dataDirectory, service.Env);
        return new PresetResult(command, new TcpProbe("127.0.0.1", port), new PreparedDirectory(service.Name, dataDirectory, null), null,
            $"{service.Name}: nats from {server}, JetStream data in {Path.Combine(dataDirectory, "jetstream")}");
    }
}
