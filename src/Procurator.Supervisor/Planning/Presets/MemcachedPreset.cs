using System.Globalization;
using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// Memcached on 127.0.0.1 and the planned TCP port, UDP off, in the foreground. It keeps no data,
/// so its data directory is only its working folder. Memcached refuses to run as root without a
/// user to switch to; under root it runs as <c>nobody</c>, which every system has.
/// </summary>
internal sealed class MemcachedPreset : IServicePreset
{
    private const string SystemUser = "nobody";
    private static readonly string[] Directories = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"];

    public string Kind => "memcached";

    public PresetResult Plan(ServiceModel service, int port, string dataDirectory, BinaryLocator binaries, bool runningAsRoot)
    {
        var server = binaries.Find("memcached", Directories);
        if (server is null)
        {
            return PresetResult.NotInstalled(service,
                $"no memcached found on PATH or in {string.Join(", ", Directories)}",
                "memcached");
        }

        var command = new CommandSpec(server,
            ["--listen=127.0.0.1", $"--port={port.ToString(CultureInfo.InvariantCulture)}", "--udp-port=0"],
            dataDirectory, service.Env, RunAsUser: runningAsRoot ? SystemUser : null);
        return new PresetResult(command, new TcpProbe("127.0.0.1", port), new PreparedDirectory(service.Name, dataDirectory, null), null,
            $"{service.Name}: memcached from {server}" + (runningAsRoot ? $", as user {SystemUser}" : ""));
    }
}
