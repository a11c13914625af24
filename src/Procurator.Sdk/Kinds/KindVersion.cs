using System.Text.RegularExpressions;

namespace Procurator.Kinds;

/// <summary>The leading <c>major[.minor]</c> of a service version, which picks a nixpkgs attribute.</summary>
internal readonly partial record struct KindVersion(string? Major, string? Minor)
{
    [GeneratedRegex(@"^(?<major>\d+)(\.(?<minor>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary><c>15</c> of <c>15</c>, <c>8</c> and <c>0</c> of <c>8.0.36</c>; both null for null or <c>latest</c>.</summary>
    public static KindVersion Parse(string? version)
    {
        var match = version is null ? Match.Empty : Pattern().Match(version);
        var major = match.Success ? match.Groups["major"].Value : null;
        var minor = match.Success && match.Groups["minor"].Success ? match.Groups["minor"].Value : null;
        return new KindVersion(major, minor);
    }
}
