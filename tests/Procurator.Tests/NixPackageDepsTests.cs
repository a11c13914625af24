using System.Security.Cryptography;
using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// nix/package/deps.json (nixpkgs' NuGet lock for the procurator package) cannot go stale:
/// it must list exactly the packages the CLI's restore resolved (its obj/project.assets.json,
/// written by any build), with the sha256 of each .nupkg the restore used.
/// </summary>
public sealed class NixPackageDepsTests
{
    private const string Regenerate = "regenerate it with scripts/update-nix-deps.sh";

    private static readonly JsonSerializerOptions DepsJsonLayout = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private static string DepsJsonPath => Path.Combine(RepositoryPaths.Root, "nix", "package", "deps.json");

    private static string AssetsPath => Path.Combine(RepositoryPaths.Root, "src", "Procurator.Cli", "obj", "project.assets.json");

    [Fact]
    public void Deps_json_lists_exactly_the_restored_packages_with_their_nupkg_hashes()
    {
        var problems = NuGetLockCheck.Problems(ReadDeps(), ReadRestored());

        Assert.True(problems.Count == 0, $"nix/package/deps.json is stale; {Regenerate}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void A_changed_version_is_reported()
    {
        var deps = UpToDateDeps().ToList();
        var victim = deps[0];
        deps[0] = victim with { Version = "0.0.1" };

        var problems = NuGetLockCheck.Problems(Reparse(deps), ReadRestored());

        Assert.Equal([$"deps.json has {victim.Pname} 0.0.1; the restore uses {victim.Version}"], problems);
    }

    [Fact]
    public void A_wrong_hash_is_reported()
    {
        var restored = ReadRestored();
        var deps = UpToDateDeps().ToList();
        var victim = deps[^1];
        var wrong = NuGetLockEntry.Sri(new byte[32]);
        deps[^1] = victim with { Hash = wrong };

        var problems = NuGetLockCheck.Problems(Reparse(deps), restored);

        var nupkg = restored.FindNupkg(victim.Pname, victim.Version);
        Assert.Equal([$"deps.json has {victim.Pname} {victim.Version} with {wrong}; {nupkg} hashes to {victim.Hash}"], problems);
    }

    [Fact]
    public void A_missing_and_an_extra_package_are_reported()
    {
        var deps = UpToDateDeps().ToList();
        var missing = deps[1];
        deps.RemoveAt(1);
        deps.Add(new NuGetLockEntry("Zz.Not.Used", "1.0.0", NuGetLockEntry.Sri(new byte[32])));

        var problems = NuGetLockCheck.Problems(Reparse(deps), ReadRestored());

        Assert.Equal(
            [$"deps.json lacks {missing.Pname} {missing.Version}", "deps.json has Zz.Not.Used 1.0.0, which the restore does not use"],
            problems);
    }

    [Fact]
    public void Entries_out_of_fetch_deps_order_are_refused()
    {
        var deps = UpToDateDeps().ToList();
        (deps[0], deps[1]) = (deps[1], deps[0]);

        var error = Assert.Throws<InvalidDataException>(() => Reparse(deps));

        Assert.Equal(
            $"deps.json: entry 0 is {deps[0].Pname} {deps[0].Version}; in fetch-deps order it is {deps[1].Pname} {deps[1].Version}",
            error.Message);
    }

    [Fact]
    public void An_entry_with_another_hash_kind_is_refused()
    {
        var json = """[ { "pname": "A", "version": "1.0.0", "sha256": "0000" } ]""";

        var error = Assert.Throws<InvalidDataException>(() => NuGetLockEntry.ParseDepsJson(json, "deps.json"));

        Assert.Equal("deps.json: entry 0: expected keys pname,version,hash, found pname,version,sha256", error.Message);
    }

    private static IReadOnlyList<NuGetLockEntry> ReadDeps() =>
        NuGetLockEntry.ParseDepsJson(File.ReadAllText(DepsJsonPath), "nix/package/deps.json");

    // What deps.json should hold, from the restore itself: the checks below test the checker,
    // whether or not the committed file is up to date.
    private static IReadOnlyList<NuGetLockEntry> UpToDateDeps()
    {
        var restored = ReadRestored();
        var entries = restored.Packages
            .Select(p => new NuGetLockEntry(p.Id, p.Version, NuGetLockEntry.Sri(SHA256.HashData(File.ReadAllBytes(restored.FindNupkg(p.Id, p.Version)!)))));
        return Reparse(entries
            .OrderBy(e => e.Pname.ToLowerInvariant(), StringComparer.Ordinal)
            .ThenBy(e => e.Version.ToLowerInvariant(), StringComparer.Ordinal));
    }

    private static RestoredPackages ReadRestored()
    {
        Assert.True(File.Exists(AssetsPath), $"{AssetsPath} is missing: build the solution first (dotnet build Procurator.sln)");
        return RestoredPackages.Parse(File.ReadAllText(AssetsPath));
    }

    // Through the parser again, as a changed copy of the file would be read.
    private static IReadOnlyList<NuGetLockEntry> Reparse(IEnumerable<NuGetLockEntry> deps) =>
        NuGetLockEntry.ParseDepsJson(JsonSerializer.Serialize(deps, DepsJsonLayout), "deps.json");
}
