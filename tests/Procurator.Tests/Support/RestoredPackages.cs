using System.Text.Json;

namespace Procurator.Tests.Support;

/// <summary>
/// The NuGet packages a restore resolved for one project, read from its
/// <c>obj/project.assets.json</c>: the package libraries (projects left out) and the
/// packages folders they were restored into.
/// </summary>
internal sealed record RestoredPackages(
    IReadOnlyList<(string Id, string Version)> Packages,
    IReadOnlyList<string> PackageFolders)
{
    public static RestoredPackages Parse(string assetsJson)
    {
        using var document = JsonDocument.Parse(assetsJson);
        var root = document.RootElement;

        var packages = new List<(string, string)>();
        foreach (var library in root.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package")
                continue;
            // Keys are "Id/Version", the id as the package's .nuspec spells it.
            var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
            packages.Add((library.Name[..slash], library.Name[(slash + 1)..]));
        }

        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        return new RestoredPackages(packages, folders);
    }

    /// <summary>
    /// Where the restore put <paramref name="id"/>'s .nupkg (NuGet's layout: lower-case id and
    /// version folders); null when no packages folder has it.
    /// </summary>
    public string? FindNupkg(string id, string version)
    {
        var lowerId = id.ToLowerInvariant();
        var lowerVersion = version.ToLowerInvariant();
        return PackageFolders
            .Select(folder => Path.Combine(folder, lowerId, lowerVersion, $"{lowerId}.{lowerVersion}.nupkg"))
            .FirstOrDefault(File.Exists);
    }
}
