// Team storefront: owns the web frontend and the catalog.
Team("storefront").Owns("frontend", "catalog");

Policy(BuiltInPolicies.ForbidDependency("frontend", "postgres"));
Policy("storefront-declares-ports", (workspace, report) =>
{
    foreach (var project in workspace.Projects.Where(p => p.Ports.Count == 0))
    {
        report.Warning(project, $"project '{project.Name}' declares no port");
    }
}).ForTeam("storefront");
