using System.Text.RegularExpressions;
using Procurator.Kinds;

namespace Procurator.Compose;

/// <summary>
/// Which known service kind an image is (<c>bitnami/postgresql</c> is postgres; the names are each kind's
/// <see cref="ServiceKind.ImageNames"/>), and the version its tag names.
/// </summary>
internal static partial class ServiceKindMap
{
    [GeneratedRegex("^v?[0-9]+(\\.[0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingVersion();

    /// <summary>The known kind of <paramref name="image"/>, or null.</summary>
    public static string? KindOf(ImageReference image) =>
        ServiceKindCatalogue.ForImageName(image.BaseName.ToLowerInvariant())?.Name;

    /// <summary>The numeric version a tag starts with (<c>10.6.4</c> of <c>10.6.4-focal</c>, <c>1.0.1</c> of <c>v1.0.1</c>), or null (<c>alpine</c>, <c>latest</c>).</summary>
    public static string? VersionOf(ImageReference image) =>
        image.Version is { } tag && LeadingVersion().Match(tag) is { Success: true } match ? match.Value.TrimStart('v') : null;
}
