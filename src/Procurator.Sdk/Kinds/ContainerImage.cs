namespace Procurator.Kinds;

/// <summary>
/// A service kind's container: the repository, the tag used when the service names no version,
/// env the image needs to start unattended, and a health command (null when the image has none
/// that works without configuration); for an export, where it keeps its data and which variables
/// make the user and database a script names.
/// </summary>
/// <param name="Repository">The image without its tag (<c>postgres</c>).</param>
/// <param name="DefaultTag">The tag when the service names no version.</param>
/// <param name="Env">Env the image needs to start unattended.</param>
/// <param name="HealthCommand">A shell command that tells it is ready, or null.</param>
/// <param name="DataPath">The folder the image keeps its data in (a volume in an export); null: it keeps none.</param>
/// <param name="UserVariable">The variable that makes the image create <c>Service(...).User(...)</c> on first start; null: none.</param>
/// <param name="DatabaseVariable">The variable that makes the image create <c>Service(...).Database(...)</c> on first start; null: none.</param>
internal sealed record ContainerImage(
    string Repository,
    string DefaultTag,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string? HealthCommand,
    string? DataPath = null,
    string? UserVariable = null,
    string? DatabaseVariable = null)
{
    /// <summary>The image for a service's version, which is used as the tag (<c>postgres:15</c>).</summary>
    public string For(string? version) => $"{Repository}:{version ?? DefaultTag}";
}
