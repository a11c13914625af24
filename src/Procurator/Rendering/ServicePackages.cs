using System.Text.RegularExpressions;
using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>
/// The nixpkgs attribute that provides a service's server binaries, by kind and version:
/// what the master flake's <c>up</c> app puts on PATH. Unknown kinds (and services that only
/// have a <c>.Command(...)</c>) contribute nothing.
/// </summary>
internal static partial class ServicePackages
{
    [GeneratedRegex(@"^(?<major>\d+)(\.(?<minor>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    /// <summary>The attribute paths for every service of the workspace, distinct and sorted.</summary>
    public static IReadOnlyList<string> For(IEnumerable<ServiceModel> services) =>
        services.Select(s => For(s.Kind, s.Version)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The attribute path for one kind and version, or null for a kind without one.</summary>
    public static string? For(string? kind, string? version)
    {
        var match = version is null ? Match.Empty : VersionPattern().Match(version);
        var major = match.Success ? match.Groups["major"].Value : null;
        var minor = match.Success && match.Groups["minor"].Success ? match.Groups["minor"].Value : null;
        return kind switch
        {
            "postgres" => major is null ? "postgresql" : $"postgresql_{major}",
            "redis" => "redis",
            "mysql" => major is null ? "mysql80" : $"mysql{major}{minor ?? "0"}",
            "mariadb" => major is null || minor is null ? "mariadb" : $"mariadb_{major}{minor}",
            "mongodb" => major is null ? "mongodb" : $"mongodb-{major}_{minor ?? "0"}",
            "elasticsearch" => major is null ? "elasticsearch" : $"elasticsearch{major}",
            "rabbitmq" => "rabbitmq-server",
            "memcached" => "memcached",
            "kafka" => "apacheKafka",
            "nats" => "nats-server",
            "minio" => "minio",
            _ => null,
        };
    }
}
