using System.Diagnostics;

namespace Procurator.Nix.Locks;

/// <summary>Runs <c>nix flake lock</c> in a workspace: all of it when there is no lock yet, else only the named inputs.</summary>
internal static class NixLockUpdate
{
    /// <summary>The one command a user runs to do the same by hand.</summary>
    public static string CommandFor(IReadOnlyList<StaleInput> stale) =>
        "nix flake lock" + string.Concat(stale.Select(s => $" --update-input {s.Input}"));

    /// <summary>The exit code and what nix printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string nix, string workspaceDirectory, IReadOnlyList<StaleInput> inputs, CancellationToken cancellationToken)
    {
        // No flake reference: Nix takes the folder as git+file in a repository and as path: elsewhere,
        // as `nix develop` there would.
        var start = new ProcessStartInfo(nix) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workspaceDirectory };
        foreach (var argument in new[] { "--extra-experimental-features", "nix-command flakes", "flake", "lock" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var input in inputs)
        {
            start.ArgumentList.Add("--update-input");
            start.ArgumentList.Add(input.Input);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nix");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
