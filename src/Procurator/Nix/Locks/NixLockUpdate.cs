namespace Procurator.Nix.Locks;

/// <summary>Runs <c>nix flake lock</c> in a workspace for the named inputs only.</summary>
internal static class NixLockUpdate
{
    /// <summary>The one command a user runs to do the same by hand.</summary>
    public static string CommandFor(IReadOnlyList<StaleInput> stale) =>
        "nix flake lock" + string.Concat(stale.Select(s => $" --update-input {s.Input}"));

    /// <summary>The exit code and what nix printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string nix, string workspaceDirectory, IReadOnlyList<StaleInput> inputs, CancellationToken cancellationToken) =>
        // No flake reference: Nix takes the folder as git+file in a repository and as path: elsewhere,
        // as `nix develop` there would.
        NixProcess.RunAsync(nix, workspaceDirectory, ["flake", "lock", .. inputs.SelectMany(i => new[] { "--update-input", i.Input })], cancellationToken);
}
