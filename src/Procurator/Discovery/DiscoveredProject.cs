namespace Procurator.Discovery;

/// <summary>A language toolchain a project needs: the raw version as written, and the nixpkgs attributes it maps to.</summary>
internal sealed record DiscoveredToolchain(string Language, string? Version, IReadOnlyList<string> Packages, SourceRef Source);

/// <summary>A named shell command: a check (<c>pnpm test</c>) or a long-running process (<c>pnpm start</c>).</summary>
internal sealed record DiscoveredCommand(string Name, string Command, SourceRef Source);

/// <summary>
/// A project found under the scanned folder. <see cref="Path"/> is relative to it (<c>.</c> for
/// the folder itself). Workspace members (Cargo, npm/yarn/pnpm, go.work, a .sln, Maven modules,
/// Gradle settings) are not projects of their own: they are listed in <see cref="Members"/>, as
/// one workspace builds, tests and gets one dev shell as a whole.
/// </summary>
internal sealed record DiscoveredProject(
    string Name,
    string Path,
    IReadOnlyList<string> Languages,
    string? PackageManager,
    IReadOnlyList<DiscoveredToolchain> Toolchains,
    IReadOnlyList<string> Packages,
    IReadOnlyList<DiscoveredCommand> Checks,
    IReadOnlyList<DiscoveredCommand> Processes,
    IReadOnlyList<int> Ports,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Members,
    string Repository);
