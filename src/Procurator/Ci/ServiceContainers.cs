using Procurator.Kinds;
using Procurator.Model;

namespace Procurator.Ci;

/// <summary>A container CI starts for a service: image, the port it listens on inside, env and a health command.</summary>
internal sealed record ServiceContainer(string Image, int ContainerPort, IReadOnlyDictionary<string, string> Env, string? HealthCommand);

/// <summary>The container of a service's kind (<see cref="ServiceKindCatalogue"/>); the version picks the tag.</summary>
internal static class ServiceContainers
{
    /// <summary>The container for <paramref name="service"/>, or null for custom kinds and kinds without one (minio).</summary>
    public static ServiceContainer? For(ServiceModel service) =>
        ServiceKindCatalogue.Find(service.Kind) is { Container: { } image } kind
            ? new(image.For(service.Version), kind.DefaultPort, Env(service, image.Env), image.HealthCommand)
            : null;

    private static Dictionary<string, string> Env(ServiceModel service, IReadOnlyList<KeyValuePair<string, string>> defaults)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in defaults)
        {
            env[key] = value;
        }

        foreach (var (key, value) in service.Env)
        {
            env[key] = value;
        }

        return new Dictionary<string, string>(env, StringComparer.Ordinal);
    }
}
