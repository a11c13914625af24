using Procurator.Kinds;

namespace Procurator;

/// <summary>The service kinds Procurator knows, with their default ports.</summary>
public static class ServiceKinds
{
    /// <summary>Every known kind, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = ServiceKindCatalogue.All.Select(k => k.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when <paramref name="kind"/> is a known service kind.</summary>
    public static bool IsKnown(string? kind) => ServiceKindCatalogue.Find(kind) is not null;

    /// <summary>The default port of a known kind, or null.</summary>
    public static int? DefaultPort(string? kind) => ServiceKindCatalogue.Find(kind)?.DefaultPort;
}
