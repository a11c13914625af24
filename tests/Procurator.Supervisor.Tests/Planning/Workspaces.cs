using Procurator.Model;

namespace Procurator.Supervisor.Tests.Planning;

/// <summary>Small workspace models built in code, the way the resolver would produce them.</summary>
internal static class Workspaces
{
    public static WorkspaceModel With(IReadOnlyList<ProjectModel> projects, IReadOnlyList<ServiceModel> services) =>
        new("ws", null, "github:NixOS/nixpkgs/nixos-unstable", ["x86_64-linux"], projects, services, [], []);

    public static ProjectModel Project(string name, string[]? dependsOn = null, int[]? ports = null, ProcessModel[]? processes = null,
        IReadOnlyDictionary<string, WaitFor>? conditions = null, HealthCheck[]? checks = null, Dictionary<string, string>? env = null) =>
        new(name, $"./{name}", null, dependsOn ?? [], [], ports ?? [], env ?? new Dictionary<string, string>(), [],
            processes ?? [], checks ?? [], null)
        {
            DependencyConditions = conditions ?? new Dictionary<string, WaitFor>(),
        };

    public static ServiceModel Service(string name, string? kind = null, int? port = null, string? command = null, string? version = null) =>
        new(name, kind, version, port, new Dictionary<string, string>(), null, Implicit: false) { Command = command };

    public static ProcessModel Process(string name, string command) => new(name, command);

    public static ProcessModel Task(string name, string command) => new(name, command) { OneShot = true };
}
