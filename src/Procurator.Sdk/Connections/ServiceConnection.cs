using System.Globalization;
using Procurator.Kinds;
using Procurator.Model;

namespace Procurator.Connections;

/// <summary>
/// What connects to one service from a given host name: <c>127.0.0.1</c> under <c>procurator up</c>
/// and in dev shells, a cluster Service's name in an export. The one place the parts are made.
/// </summary>
internal sealed record ServiceConnection(string Host, int Port, string? User, string? Database, string? Url, IReadOnlyList<EnvVariable> ClientVariables)
{
    /// <summary>Where every local server listens: loopback only, as the presets start them.</summary>
    public const string LocalHost = "127.0.0.1";

    /// <summary>The connection to <paramref name="service"/>, or null when it has no port.</summary>
    public static ServiceConnection? For(ServiceModel service, string host)
    {
        if (service.Port is not { } port)
        {
            return null;
        }

        var kind = ServiceKindCatalogue.Find(service.Kind)?.Connection;
        var user = kind?.DefaultUser is null ? null : service.User ?? kind.DefaultUser;
        var database = kind is null ? null : service.Database ?? kind.DefaultDatabase;
        var url = kind?.Url is { } template ? Fill(template, host, port, user, database, url: null) : null;
        var variables = new List<EnvVariable>();
        foreach (var variable in kind?.ClientVariables ?? [])
        {
            variables.Add(new EnvVariable(variable.Name, Fill(variable.Template, host, port, user, database, url)));
        }

        return new ServiceConnection(host, port, user, database, url, variables);
    }

    /// <summary>The value of <paramref name="part"/>, or null when this kind of service has none.</summary>
    public string? Part(ConnectionPart part) => part switch
    {
        ConnectionPart.Host => Host,
        ConnectionPart.Port => Port.ToString(CultureInfo.InvariantCulture),
        ConnectionPart.Url => Url,
        ConnectionPart.User => User,
        ConnectionPart.Database => Database,
        _ => null,
    };

    private static string Fill(string template, string host, int port, string? user, string? database, string? url) => template
        .Replace("{host}", host, StringComparison.Ordinal)
        .Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{user}", user ?? "", StringComparison.Ordinal)
        .Replace("{database}", database ?? "", StringComparison.Ordinal)
        .Replace("{url}", url ?? "", StringComparison.Ordinal);
}

/// <summary>A variable and its value; a class, not a <c>KeyValuePair</c> (see "Warm runs" in docs/ARCHITECTURE.md).</summary>
internal sealed record EnvVariable(string Name, string Value);
