using Procurator.Graph;
using Procurator.Model;

namespace Procurator.Output.Export;

/// <summary>The deployment plan's waves by name: wave 0 depends on nothing, each later one only on earlier ones.</summary>
internal static class ExportWaves
{
    public static Dictionary<string, int> Of(WorkspaceModel model)
    {
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        var plan = DeploymentPlan.Waves(WorkspaceGraph.From(model), reverse: false);
        for (var wave = 0; wave < plan.Count; wave++)
        {
            foreach (var id in plan[wave])
            {
                waves[id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]] = wave;
            }
        }

        return waves;
    }
}
