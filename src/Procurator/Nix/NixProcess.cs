using System.Diagnostics;

namespace Procurator.Nix;

/// <summary>Runs the <c>nix</c> command with flakes enabled and collects what it printed.</summary>
internal static class NixProcess
{
    /// <summary>The exit code and what nix printed (stdout, then stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string nix, string? workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(nix) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add("--extra-experimental-features");
        start.ArgumentList.Add("nix-command flakes");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nix");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
