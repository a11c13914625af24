namespace Procurator.Policies;

/// <summary>Runs <c>nix flake check</c> on the master flake; null when <c>nix</c> is not installed.</summary>
internal static class NixFlakeCheck
{
    public static string? FindNix() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "nix"))
            .FirstOrDefault(File.Exists);

    /// <summary>The exit code and what nix printed; <paramref name="overrides"/> are <c>--override-input</c> pairs.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(
        string nix, string flakeDirectory, IEnumerable<(string Input, string Reference)> overrides, CancellationToken cancellationToken) =>
        Nix.NixProcess.RunAsync(nix, null,
            ["flake", "check", "--no-write-lock-file", $"path:{flakeDirectory}", .. overrides.SelectMany(o => new[] { "--override-input", o.Input, o.Reference })],
            cancellationToken);
}
