using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    /// <summary>Matches <c>^[a-z][a-z0-9-]*\z</c>.</summary>
    internal static bool IsName(string name) =>
        IsWord(name, char.IsAsciiLetterLower, c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    // The input the service-manager apps take `procurator` from, when Workspace.ProcuratorFlake names one.
    private const string ProcuratorInput = "procurator";

    private void CheckNames()
    {
        var procuratorInput = _declarations.Workspace.ProcuratorFlakeSetting is { Value: not null };
        foreach (var project in _declarations.Projects)
        {
            CheckName("project", project.Name, project.Site);
            if (ReservedNames.IsTaken(project.Name))
            {
                Error(ErrorCodes.ReservedName, $"project name '{project.Name}' is reserved by the master flake; choose another name", project.Site);
            }
            else if (procuratorInput && project.Name == ProcuratorInput)
            {
                Error(ErrorCodes.ReservedName, $"project name '{project.Name}' is reserved by the master flake's procurator input (Workspace.ProcuratorFlake); choose another name", project.Site);
            }

            foreach (var process in project.ProcessList)
            {
                CheckName("process", process.Name, process.Site);
            }

            foreach (var check in project.CheckList)
            {
                CheckName("check", check.Name, check.Site);
            }
        }

        foreach (var service in _declarations.Services)
        {
            CheckName("service", service.Name, service.Site);
        }

        foreach (var external in _declarations.Externals)
        {
            CheckName("external", external.Name, external.Site);
            if (ReservedNames.IsFlakeInput(external.Name))
            {
                Error(ErrorCodes.ReservedName, $"external name '{external.Name}' is reserved by the master flake; choose another name", external.Site);
            }
            else if (procuratorInput && external.Name == ProcuratorInput)
            {
                Error(ErrorCodes.ReservedName, $"external name '{external.Name}' is reserved by the master flake's procurator input (Workspace.ProcuratorFlake); choose another name", external.Site);
            }
        }

        foreach (var shell in _declarations.Shells)
        {
            CheckName("shell", shell.Name, shell.Site);
        }
    }

    private void CheckName(string what, string name, ScriptSite site)
    {
        if (!IsName(name))
        {
            Error(ErrorCodes.InvalidName,
                $"invalid {what} name '{Show(name)}': a name starts with a lower-case letter and holds only a-z, 0-9 and '-'",
                site);
        }
    }

    private void CheckDuplicates()
    {
        // Projects, externals and distinct services share one namespace; a service may be
        // declared again (same service, settings merge), anything else may not.
        var first = new Dictionary<string, (string What, ScriptSite Site)>(StringComparer.Ordinal);
        foreach (var (what, name, site) in _declarations.Named)
        {
            if (!first.TryGetValue(name, out var earlier))
            {
                first[name] = (what, site);
            }
            else if (!(what == "service" && earlier.What == "service"))
            {
                Error(ErrorCodes.DuplicateName,
                    $"duplicate name '{name}': this {what} has the name of the {earlier.What} declared at {Where(earlier.Site)}",
                    site);
            }
        }

        CheckShellNamesUnique();
        CheckProcessNamesUnique();
    }

    private void CheckShellNamesUnique()
    {
        var shells = new Dictionary<string, ScriptSite>(StringComparer.Ordinal);
        foreach (var shell in _declarations.Shells)
        {
            if (shells.TryGetValue(shell.Name, out var earlier))
            {
                Error(ErrorCodes.DuplicateName, $"duplicate shell '{shell.Name}': already declared at {Where(earlier)}", shell.Site);
                continue;
            }

            shells[shell.Name] = shell.Site;
            if (_declarations.Projects.FirstOrDefault(p => p.Name == shell.Name) is { } project)
            {
                Error(ErrorCodes.DuplicateName,
                    $"duplicate name '{shell.Name}': the project declared at {Where(project.Site)} already has a dev shell of that name",
                    shell.Site);
            }
        }
    }

    private void CheckProcessNamesUnique()
    {
        // Each process becomes the app <project>-<process>; those names must differ too.
        var apps = new Dictionary<string, (string Project, ScriptSite Site)>(StringComparer.Ordinal);
        foreach (var project in _declarations.Projects)
        {
            foreach (var process in project.ProcessList)
            {
                var app = $"{project.Name}-{process.Name}";
                if (!apps.TryGetValue(app, out var earlier))
                {
                    apps[app] = (project.Name, process.Site);
                }
                else if (earlier.Project == project.Name)
                {
                    Error(ErrorCodes.DuplicateName,
                        $"duplicate process '{process.Name}' in project '{project.Name}': already declared at {Where(earlier.Site)}",
                        process.Site);
                }
                else
                {
                    Error(ErrorCodes.DuplicateName,
                        $"duplicate app name '{app}': process '{process.Name}' of project '{project.Name}' and a process of project '{earlier.Project}' ({Where(earlier.Site)}) both make it",
                        process.Site);
                }
            }
        }
    }
}
