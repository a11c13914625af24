using System.Diagnostics;

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
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string nix, string flakeDirectory, IEnumerable<(string Input, string Reference)> overrides, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(nix) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--extra-experimental-features", "nix-command flakes", "flake", "check", "--no-write-lock-file", $"path:{flakeDirectory}" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (input, reference) in overrides)
        {
            start.ArgumentList.Add("--override-input");
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(reference);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nix");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
