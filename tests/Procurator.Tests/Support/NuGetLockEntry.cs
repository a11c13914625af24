using System.Text.Json;
using System.Text.RegularExpressions;

namespace Procurator.Tests.Support;

/// <summary>
/// One entry of <c>nix/package/deps.json</c>, the NuGet lock of nixpkgs' buildDotnetModule:
/// the package id as its .nuspec spells it, the version and the SRI sha256 of the .nupkg.
/// </summary>
internal sealed partial record NuGetLockEntry(string Pname, string Version, string Hash)
{
    /// <summary>
    /// Reads a deps.json and checks its shape: a list of objects with exactly pname, version
    /// and a sha256 SRI hash, in the order fetch-deps writes (lower-cased id, then version,
    /// ordinal), without duplicates. Throws <see cref="InvalidDataException"/> otherwise.
    /// </summary>
    public static IReadOnlyList<NuGetLockEntry> ParseDepsJson(string json, string fileName)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{fileName}: expected a JSON list");

        var entries = new List<NuGetLockEntry>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var keys = item.ValueKind == JsonValueKind.Object
                ? string.Join(",", item.EnumerateObject().Select(p => p.Name))
                : item.ValueKind.ToString();
            if (keys != "pname,version,hash")
                throw new InvalidDataException($"{fileName}: entry {entries.Count}: expected keys pname,version,hash, found {keys}");

            var entry = new NuGetLockEntry(
                item.GetProperty("pname").GetString()!,
                item.GetProperty("version").GetString()!,
                item.GetProperty("hash").GetString()!);
            if (!Sha256Sri().IsMatch(entry.Hash))
                throw new InvalidDataException($"{fileName}: {entry.Pname} {entry.Version}: '{entry.Hash}' is not a sha256 SRI hash");
            entries.Add(entry);
        }

        // nuget-to-json walks the packages folder (lower-case ids, then version folders) in the C locale.
        var sorted = entries
            .OrderBy(e => e.Pname.ToLowerInvariant(), StringComparer.Ordinal)
            .ThenBy(e => e.Version.ToLowerInvariant(), StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] != sorted[i])
                throw new InvalidDataException($"{fileName}: entry {i} is {entries[i].Pname} {entries[i].Version}; in fetch-deps order it is {sorted[i].Pname} {sorted[i].Version}");
            if (i > 0 && string.Equals(sorted[i - 1].Pname, sorted[i].Pname, StringComparison.OrdinalIgnoreCase)
                && string.Equals(sorted[i - 1].Version, sorted[i].Version, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{fileName}: {entries[i].Pname} {entries[i].Version} is listed twice");
        }

        return entries;
    }

    /// <summary>The SRI form nixpkgs uses: <c>sha256-</c> and the base64 of the digest.</summary>
    public static string Sri(byte[] sha256) => "sha256-" + Convert.ToBase64String(sha256);

    [GeneratedRegex("^sha256-[A-Za-z0-9+/]{43}=$")]
    private static partial Regex Sha256Sri();
}
