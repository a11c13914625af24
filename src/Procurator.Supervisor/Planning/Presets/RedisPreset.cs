using System.Globalization;
using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>Redis on 127.0.0.1 with its data directory, no snapshots, in the foreground.</summary>
internal sealed class RedisPreset : IServicePreset
{
    private static readonly string[] Locations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"];

    public string Kind => "redis";

    public PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot)
    {
        var server = binaries.OnPath("redis-server") ?? Locations.FirstOrDefault(binaries.IsExecutable);
        if (server is null)
        {
            return PresetResult.NotInstalled(service,
                "no redis-server found on PATH or in /usr/bin, /usr/local/bin, /opt/homebrew/bin",
                "redis-server");
        }

        var command = new CommandSpec(server,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dataDirectory,
             "--save", "", "--appendonly", "no", "--daemonize", "no"],
            dataDirectory, service.Env);
        return new PresetResult(command, new TcpProbe("127.0.0.1", port), new PreparedDirectory(service.Name, dataDirectory, null), null,
            $"{service.Name}: redis from {server}, data in {dataDirectory}");
    }
}
