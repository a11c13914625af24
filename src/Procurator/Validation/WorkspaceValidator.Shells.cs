using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    private void CheckShells()
    {
        foreach (var shell in _declarations.Shells)
        {
            if (shell.Projects.Count == 0)
            {
                Error(ErrorCodes.UnknownShellProject, $"shell '{shell.Name}' names no projects", shell.Site);
            }

            foreach (var name in shell.Projects)
            {
                switch (_names.KindOf(name))
                {
                    case TargetKind.Project or TargetKind.External:
                        break;
                    case TargetKind.Service:
                        Error(ErrorCodes.UnknownShellProject,
                            $"shell '{shell.Name}' names '{name}', which is a service; shells compose projects", shell.Site);
                        break;
                    default:
                        Error(ErrorCodes.UnknownShellProject,
                            $"shell '{shell.Name}' names '{Show(name)}', which is not a declared project{Suggestions.DidYouMean(name, ProjectNames)}",
                            shell.Site);
                        break;
                }
            }
        }
    }
}
