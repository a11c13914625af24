using System.Diagnostics;
using System.Text.Json;

namespace Procurator.Nix.Locks;

/// <summary>
/// Finds the project flakes that changed since the master's <c>flake.lock</c> pinned them. Nix
/// locks a <c>path:./services/api</c> input by the <c>narHash</c> of the folder and keeps using the
/// pinned copy after the folder changes (until <c>nix flake lock --update-input api</c>), so an
/// edited project shell would silently not reach <c>nix develop</c>. In a git workspace Nix sees
/// only the files git tracks; elsewhere it sees every file.
/// </summary>
internal static class FlakeLockFreshness
{
    /// <summary>The stale inputs of the flake in <paramref name="workspaceDirectory"/>, by input name; none when there is no lock.</summary>
    public static IReadOnlyList<StaleInput> Stale(string workspaceDirectory)
    {
        var lockPath = Path.Combine(workspaceDirectory, "flake.lock");
        if (!File.Exists(lockPath))
        {
            return [];
        }

        var inputs = PathInputs(lockPath);
        if (inputs.Count == 0)
        {
            return [];
        }

        var tracked = GitTrackedFiles(workspaceDirectory);
        var stale = new List<StaleInput>();
        foreach (var (input, path, narHash) in inputs)
        {
            var directory = System.IO.Path.GetFullPath(System.IO.Path.Combine(workspaceDirectory, path));
            if (!Directory.Exists(directory))
            {
                continue; // Nix says so itself, plainly; nothing to refresh.
            }

            var prefix = System.IO.Path.GetRelativePath(workspaceDirectory, directory).Replace('\\', '/') + "/";
            Func<string, bool>? include = tracked is null ? null : relative => IsTracked(tracked, prefix + relative);
            if (NarHash.Of(directory, include) != narHash)
            {
                stale.Add(new StaleInput(input, path));
            }
        }

        return stale;
    }

    /// <summary>The master's direct inputs locked as relative <c>path:</c> folders, with their hashes.</summary>
    private static List<(string Input, string Path, string NarHash)> PathInputs(string lockPath)
    {
        var found = new List<(string, string, string)>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(lockPath));
            var nodes = document.RootElement.GetProperty("nodes");
            var root = nodes.GetProperty(document.RootElement.GetProperty("root").GetString()!);
            if (!root.TryGetProperty("inputs", out var rootInputs))
            {
                return found;
            }

            foreach (var input in rootInputs.EnumerateObject())
            {
                // A follows is a list of names; a direct input names its node.
                if (input.Value.ValueKind != JsonValueKind.String
                    || !nodes.TryGetProperty(input.Value.GetString()!, out var node)
                    || !node.TryGetProperty("locked", out var locked)
                    || locked.TryGetProperty("type", out var type) is false || type.GetString() != "path"
                    || locked.TryGetProperty("path", out var path) is false || path.GetString() is not { } relative
                    || !relative.StartsWith("./", StringComparison.Ordinal)
                    || locked.TryGetProperty("narHash", out var narHash) is false || narHash.GetString() is not { } hash)
                {
                    continue;
                }

                found.Add((input.Name, relative, hash));
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A lock Nix cannot read either: Nix reports it on its next use.
        }

        return found;
    }

    private static bool IsTracked(HashSet<string> tracked, string path) => tracked.Contains(path);

    /// <summary>
    /// The files (and, ending in <c>/</c>, the folders holding them) that git tracks in the
    /// repository around <paramref name="workspaceDirectory"/>, relative to it; null outside git.
    /// </summary>
    private static HashSet<string>? GitTrackedFiles(string workspaceDirectory)
    {
        if (IO.GitRepository.RootOf(workspaceDirectory) is null)
        {
            return null;
        }

        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workspaceDirectory };
        foreach (var argument in new[] { "ls-files", "-z", "--cached", "--", "." })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0)
            {
                return null;
            }

            var tracked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                tracked.Add(file);
                for (var slash = file.IndexOf('/'); slash >= 0; slash = file.IndexOf('/', slash + 1))
                {
                    tracked.Add(file[..(slash + 1)]);
                }
            }

            return tracked;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git: Nix could not read the repository as git either
        }
    }
}
