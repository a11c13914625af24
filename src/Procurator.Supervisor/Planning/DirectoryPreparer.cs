using System.Diagnostics;

namespace Procurator.Supervisor.Planning;

/// <summary>
/// Creates data directories before the first start. Under root, a directory owned by another
/// user (postgres) is handed to that user, and checked to be reachable by it: postgres fails
/// late and obscurely when a parent directory (say <c>/root</c>) is closed to it.
/// </summary>
internal static class DirectoryPreparer
{
    /// <summary>Creates each directory; returns one error text per directory that could not be made ready.</summary>
    public static IReadOnlyList<string> Prepare(IEnumerable<PreparedDirectory> directories)
    {
        var errors = new List<string>();
        foreach (var directory in directories)
        {
            try
            {
                Directory.CreateDirectory(directory.Path);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }

                if (directory.Owner is { } owner && Run("chown", "-R", $"{owner}:", directory.Path) is { } chownError)
                {
                    errors.Add($"cannot give {directory.Path} to user '{owner}': {chownError}");
                }
                else if (directory.Owner is { } user && Run("setpriv", "--reuid", user, "--regid", user, "--init-groups", "test", "-w", directory.Path) is not null)
                {
                    errors.Add($"user '{user}' cannot reach {directory.Path}: a parent directory is closed to it " +
                        $"(the service runs as '{user}' because procurator runs as root); set {Control.StatePaths.Variable} to a directory others may enter, or run procurator as a normal user");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot create {directory.Path}: {e.Message}");
            }
        }

        return errors;
    }

    /// <summary>Runs a short system command; null when it exits 0, else what it printed.</summary>
    private static string? Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : error.Trim() is { Length: > 0 } text ? text : $"{file} exited with {process.ExitCode}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file}: {e.Message}";
        }
    }
}
