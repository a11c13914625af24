using Procurator.Kinds;
using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>
/// The nixpkgs attribute that provides a service's server binaries (the kind's rule in
/// <see cref="ServiceKindCatalogue"/>): what the master flake's <c>up</c> app puts on PATH.
/// Unknown kinds (and services that only have a <c>.Command(...)</c>) contribute nothing.
/// </summary>
internal static class ServicePackages
{
    /// <summary>The attribute paths for every service of the workspace, distinct and sorted.</summary>
    public static IReadOnlyList<string> For(IEnumerable<ServiceModel> services) =>
        services.Select(s => For(s.Kind, s.Version)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The attribute path for one kind and version, or null for a kind without one.</summary>
    public static string? For(string? kind, string? version) =>
        ServiceKindCatalogue.Find(kind)?.NixPackage(KindVersion.Parse(version));
}
