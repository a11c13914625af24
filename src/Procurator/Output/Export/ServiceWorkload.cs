using Procurator.Ci;
using Procurator.Kinds;
using Procurator.Model;

namespace Procurator.Output.Export;

/// <summary>
/// How a backing service runs in a container, shared by the Kubernetes and compose exports: the
/// official image of its kind at its version (<c>postgres:15</c>), the port it listens on inside,
/// its env (the kind's, the user and database the script names, the script's own), where it keeps data.
/// </summary>
internal sealed record ServiceWorkload(ServiceModel Service, string Image, int ContainerPort, SortedDictionary<string, string> Env, string? HealthCommand, string? DataPath)
{
    /// <summary>The port dependents connect to (the Service's or the published one): the script's, else the kind's.</summary>
    public int Port => Service.Port ?? ContainerPort;

    /// <summary>The workload of <paramref name="service"/>, or null when its kind has no image (a custom service, minio).</summary>
    public static ServiceWorkload? For(ServiceModel service)
    {
        if (ServiceContainers.For(service) is not { } container || ServiceKindCatalogue.Find(service.Kind)?.Container is not { } image)
        {
            return null;
        }

        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in container.Env)
        {
            env[key] = value;
        }

        if (image.UserVariable is { } userVariable && service.User is { } user)
        {
            env.TryAdd(userVariable, user);
        }

        if (image.DatabaseVariable is { } databaseVariable && service.Database is { } database)
        {
            env.TryAdd(databaseVariable, database);
        }

        return new ServiceWorkload(service, container.Image, container.ContainerPort, env, container.HealthCommand, image.DataPath);
    }

    /// <summary>Why <paramref name="service"/> has no workload, for the warning that says so.</summary>
    public static string WhyNone(ServiceModel service) =>
        ServiceKindCatalogue.Find(service.Kind) is { NoContainerBecause: { } because }
            ? $"service '{service.Name}' is not exported: its kind has no image that runs unattended ({because}); deploy it yourself under the name '{service.Name}'"
            : $"service '{service.Name}' is not exported: it has no known kind, so no image; deploy it yourself under the name '{service.Name}'";

    /// <summary>A port a health check of the service names, as seen inside its container: the service's port is the container's.</summary>
    public int InContainer(int port) => port == Port ? ContainerPort : port;
}
