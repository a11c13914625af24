using System.Security.Cryptography;

namespace Procurator.Tests.Support;

/// <summary>
/// Compares deps.json with what a restore resolved: the same packages at the same versions,
/// and each entry's hash is the sha256 of the .nupkg the restore used.
/// </summary>
internal static class NuGetLockCheck
{
    /// <summary>Every disagreement, one message each; empty when deps.json is up to date.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<NuGetLockEntry> lockEntries, RestoredPackages restored)
    {
        var problems = new List<string>();
        var locked = lockEntries.ToLookup(e => e.Pname, StringComparer.OrdinalIgnoreCase);
        var used = restored.Packages.ToLookup(p => p.Id, StringComparer.OrdinalIgnoreCase);

        foreach (var (id, version) in restored.Packages)
        {
            var entries = locked[id].ToList();
            if (entries.Count == 0)
                problems.Add($"deps.json lacks {id} {version}");
            else if (!entries.Any(e => string.Equals(e.Version, version, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"deps.json has {id} {string.Join(", ", entries.Select(e => e.Version))}; the restore uses {version}");
            else if (entries.Any(e => e.Pname != id))
                problems.Add($"deps.json spells {entries[0].Pname}; the package id is {id}");
        }

        foreach (var entry in lockEntries)
        {
            if (!used[entry.Pname].Any(p => string.Equals(p.Version, entry.Version, StringComparison.OrdinalIgnoreCase)))
            {
                if (!used[entry.Pname].Any())
                    problems.Add($"deps.json has {entry.Pname} {entry.Version}, which the restore does not use");
                continue;
            }

            var nupkg = restored.FindNupkg(entry.Pname, entry.Version);
            if (nupkg is null)
            {
                problems.Add($"{entry.Pname} {entry.Version}: no .nupkg in {string.Join(", ", restored.PackageFolders)} (run dotnet restore)");
                continue;
            }

            var actual = NuGetLockEntry.Sri(SHA256.HashData(File.ReadAllBytes(nupkg)));
            if (actual != entry.Hash)
                problems.Add($"deps.json has {entry.Pname} {entry.Version} with {entry.Hash}; {nupkg} hashes to {actual}");
        }

        return problems;
    }
}
