namespace Procurator.Kinds;

/// <summary>
/// A service kind's container: the repository, the tag used when the service names no version,
/// env the image needs to start unattended, and a health command (null when the image has none
/// that works without configuration).
/// </summary>
internal sealed record ContainerImage(string Repository, string DefaultTag, IReadOnlyList<KeyValuePair<string, string>> Env, string? HealthCommand)
{
    /// <summary>The image for a service's version, which is used as the tag (<c>postgres:15</c>).</summary>
    public string For(string? version) => $"{Repository}:{version ?? DefaultTag}";
}
