namespace Procurator.Kinds;

/// <summary>
/// Everything Procurator knows about one kind of backing service, in one place: the DSL's
/// default port, the nixpkgs package <c>nix run .#up</c> puts on PATH, the container CI starts,
/// the image names import and discovery recognise, and whether <c>procurator up</c> has a
/// local preset for it, and how clients connect to it.
/// </summary>
/// <param name="Name">The kind, as <c>Service(...).Kind(...)</c> takes it.</param>
/// <param name="DefaultPort">The port a service of this kind gets when none is given; also the container's port.</param>
/// <param name="NixPackage">The nixpkgs attribute path for a version (major/minor; both null when none is given).</param>
/// <param name="Container">The image GitHub Actions runs as a service container; null when none can run there.</param>
/// <param name="NoContainerBecause">Why <paramref name="Container"/> is null (required then, so the gap is on purpose).</param>
/// <param name="ImageNames">Image base names (the last path segment, lower case) that are this kind: <c>bitnami/postgresql</c> is postgres.</param>
/// <param name="LocalPreset">True when <c>procurator up</c> runs it without a <c>.Command(...)</c> (the preset lives in the supervisor).</param>
/// <param name="Connection">Its URL, users, databases and client variables (see <see cref="Connections.ConnectionEnv"/>).</param>
internal sealed record ServiceKind(
    string Name,
    int DefaultPort,
    Func<KindVersion, string> NixPackage,
    ContainerImage? Container,
    string? NoContainerBecause,
    IReadOnlyList<string> ImageNames,
    bool LocalPreset,
    KindConnection Connection);
