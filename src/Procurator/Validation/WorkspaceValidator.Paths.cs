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
            if (File.Exists(Path.Combine(directory, "flake.nix")) && _layout.RelativeToOutput(directory) is null)
            {
                Error(ErrorCodes.ProjectOutsideWorkspace,
                    $"project '{project.Name}' has a flake.nix outside the workspace folder ({directory}), which a path: input cannot reach; declare it with External(\"{project.Name}\", \"<flake reference>\") instead",
                    project.Site);
            }
        }
    }
}
