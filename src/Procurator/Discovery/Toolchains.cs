using System.Globalization;
using System.Text.RegularExpressions;

namespace Procurator.Discovery;

/// <summary>
/// Maps a version as written (<c>v20.11.0</c>, <c>&gt;=3.11,&lt;4</c>, <c>8.0.100</c>) to nixpkgs
/// attributes. Only majors nixpkgs carries as attributes get a versioned one; anything else falls
/// back to the unversioned attribute, and the raw version is kept beside it.
/// </summary>
internal static partial class Toolchains
{
    [GeneratedRegex(@"(\d+)(?:\.(\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    public static IReadOnlyList<string> Node(string? version) =>
        Major(version) is int major and >= 18 ? [$"nodejs_{major}"] : ["nodejs"];

    public static IReadOnlyList<string> Python(string? version)
    {
        var match = version is null ? Match.Empty : Numbers().Match(version);
        if (match.Success && match.Groups[1].Value == "3" && match.Groups[2].Success
            && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is >= 9 and <= 14)
        {
            return [$"python3{match.Groups[2].Value}"];
        }

        return ["python3"];
    }

    public static IReadOnlyList<string> Dotnet(string? version) =>
        Major(version) is int major and >= 6 ? [$"dotnet-sdk_{major}"] : ["dotnet-sdk"];

    public static IReadOnlyList<string> Go() => ["go"];

    public static IReadOnlyList<string> Rust() => ["cargo", "rustc"];

    /// <summary>The first number in <paramref name="version"/> (<c>v20.1</c> → 20, <c>lts/iron</c> → null).</summary>
    public static int? Major(string? version)
    {
        var match = version is null ? Match.Empty : Numbers().Match(version);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>The leading dotted number of a tag (<c>15-alpine</c> → <c>15</c>, <c>7.2.4-bookworm</c> → <c>7.2.4</c>), or null.</summary>
    public static string? VersionOfTag(string? tag)
    {
        var match = tag is null ? Match.Empty : LeadingVersion().Match(tag);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"^v?\d+(\.\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingVersion();
}
