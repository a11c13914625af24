// The platform team's rules, shared by every workspace with:  #load "platform/policies.csx"

Use("services-have-health-checks");
Use("pinned-versions");
Policy(BuiltInPolicies.MaxDependencyDepth(3));
Policy(new OnlyDataLayerTalksToPostgres());

/// <summary>Only projects whose name ends in "-data" may depend on postgres directly.</summary>
public sealed class OnlyDataLayerTalksToPostgres : IPolicy
{
    public string Name => "only-data-layer-talks-to-postgres";

    public void Check(WorkspaceModel workspace, PolicyReport report)
    {
        var postgres = workspace.Services.Where(s => s.Kind == "postgres").Select(s => s.Name).ToHashSet();
        foreach (var project in workspace.Projects.Where(p => !p.Name.EndsWith("-data")))
        {
            foreach (var dependency in project.DependsOn.Where(postgres.Contains))
            {
                report.Error(project, $"project '{project.Name}' talks to {dependency} directly; go through a -data project");
            }
        }
    }
}
