using Procurator.Model;

namespace Procurator;

/// <summary>A policy written inline: <c>Policy(name, (workspace, report) => …)</c>.</summary>
internal sealed class LambdaPolicy(string name, Action<WorkspaceModel, PolicyReport> check) : IPolicy
{
    public string Name { get; } = name;

    public void Check(WorkspaceModel workspace, PolicyReport report) => check(workspace, report);
}
