using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Tests.Fakes;

/// <summary>Unit specs for tests: defaults of the real thing, dependencies by name.</summary>
internal static class Units
{
    public static UnitSpec Service(string name, params string[] readyDependencies) =>
        new(name, UnitRole.Service, CommandSpec.Shell($"run-{name}", "/work", new Dictionary<string, string>()),
            [.. readyDependencies.Select(d => new UnitDependency(d))], null, null,
            RestartPolicy.DefaultFor(UnitRole.Service), UnitSpec.DefaultStartupTimeout, UnitSpec.DefaultStopGracePeriod, [])
        {
            // Ready once spawned, so order tests need no clock; ReadyWithoutProbeTests cover the real default.
            ReadyWithoutProbeAfter = TimeSpan.Zero,
        };

    public static UnitSpec Task(string name, params string[] readyDependencies) =>
        Service(name, readyDependencies) with { Role = UnitRole.Task, Restart = RestartPolicy.DefaultFor(UnitRole.Task) };

    public static UnitSpec On(this UnitSpec spec, string dependency, DependencyCondition condition) =>
        spec with { DependsOn = [.. spec.DependsOn, new UnitDependency(dependency, condition)] };

    public static UnitSpec Restarting(this UnitSpec spec, RestartMode mode) => spec with { Restart = spec.Restart with { Mode = mode } };

    public static UnitSpec WithReadiness(this UnitSpec spec, Probe? probe = null) =>
        spec with { Readiness = probe ?? new TcpProbe("127.0.0.1", 5432) };
}
