namespace Procurator.Supervisor.Machine;

/// <summary>The unit graph handed to the manager is broken (the CLI validates earlier; this is the backstop).</summary>
internal sealed class UnitGraphException : Exception
{
    private UnitGraphException(string message)
        : base(message)
    {
    }

    internal static UnitGraphException DuplicateUnit(string name) => new($"unit '{name}' is declared twice");

    internal static UnitGraphException UnknownDependencies(IEnumerable<(string Unit, string Dependency)> missing) =>
        new(string.Join(Environment.NewLine, missing.Select(m => $"unit '{m.Unit}' depends on unknown unit '{m.Dependency}'")));

    internal static UnitGraphException Cycle(IEnumerable<string> path) =>
        new($"dependency cycle: {string.Join(" -> ", path)}");

    internal static UnitGraphException UnknownUnit(string name) => new($"unknown unit '{name}'");
}
