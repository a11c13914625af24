using Procurator.Diagnostics;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    private void CheckPaths()
    {
        foreach (var project in _declarations.Projects)
        {
            if (project.PathAsWritten is { } written && string.IsNullOrWhiteSpace(written))
            {
                Error(ErrorCodes.InvalidValue, $"path of project '{project.Name}' is empty; leave it out to use ./{project.Name}", project.Site);
                continue;
            }

            var directory = _layout.ProjectDirectory(project);
            if (project.PathAsWritten is not null && !Directory.Exists(directory))
            {
                Warning(ErrorCodes.MissingProjectPath,
                    $"path '{project.PathAsWritten}' of project '{project.Name}' does not exist", project.Site);
            }

            // Nix 2.8 cannot take path: inputs outside the master flake's folder.
            var relative = _layout.RelativeToOutput(directory);
            if (File.Exists(Path.Combine(directory, "flake.nix")) && relative is null)
            {
                Error(ErrorCodes.ProjectOutsideWorkspace,
                    $"project '{project.Name}' has a flake.nix outside the workspace folder ({directory}), which a path: input cannot reach; declare it with External(\"{project.Name}\", \"<flake reference>\") instead",
                    project.Site);
            }
            else if (relative is not null && relative != "." && File.Exists(Path.Combine(directory, "flake.nix"))
                && FirstUnsupported(relative) is { } bad)
            {
                Error(ErrorCodes.UnsupportedFlakePath,
                    $"path '{Show(relative)}' of project '{project.Name}' has a flake.nix, but Nix cannot take '{Show(bad.ToString())}' in a path: input; rename the folder using only letters, digits and {FlakePathPunctuation}",
                    project.Site);
            }
        }
    }

    // What Nix 2.8 accepts, unescaped, in a path:./dir input (checked with nix flake lock): a URL
    // path of ASCII. Percent-encoding does not help: 2.8 looks for "sp%20ace" literally, and
    // later versions decode it, so '%' is refused too.
    private const string FlakePathPunctuation = "/._-~!$&'()*+,;=:@";

    private static char? FirstUnsupported(string path)
    {
        foreach (var c in path)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !FlakePathPunctuation.Contains(c))
            {
                return c;
            }
        }

        return null;
    }
}
