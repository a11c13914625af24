using System.Diagnostics;

namespace Procurator.Graph;

/// <summary>A git failure: not a repository, an unknown revision; said in git's own words.</summary>
internal sealed class GitException(string message) : Exception(message);

/// <summary>The files that changed between two revisions (or a revision and the working tree), from git.</summary>
internal static class GitChanges
{
    /// <summary>Absolute paths of changed files. Without <paramref name="head"/>, the working tree, untracked files included.</summary>
    public static async Task<IReadOnlyList<string>> ChangedFilesAsync(string directory, string @base, string? head, CancellationToken cancellationToken)
    {
        var root = (await GitAsync(directory, ["rev-parse", "--show-toplevel"], cancellationToken)).Trim();
        var range = head is null ? new[] { @base } : [$"{@base}...{head}"];
        var changed = await GitAsync(directory, ["diff", "--name-only", "-z", .. range, "--"], cancellationToken);
        var untracked = head is null
            ? await GitAsync(directory, ["ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/"], cancellationToken)
            : string.Empty;
        return (changed + untracked).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.GetFullPath(Path.Combine(root, p)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static async Task<string> GitAsync(string directory, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new GitException("could not start git");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new GitException($"git {string.Join(' ', args)}: {(await stderr).Trim()}");
        }

        return await stdout;
    }
}
