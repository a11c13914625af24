using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Tests.Fakes;

namespace Procurator.Supervisor.Tests.Machine;

public sealed class UnitGraphTests
{
    [Fact]
    public void Unknown_dependencies_are_all_reported()
    {
        var error = Assert.Throws<UnitGraphException>(() =>
            UnitGraph.Build([Units.Service("api", "postgress"), Units.Service("web", "apii")]));

        Assert.Equal(
            $"unit 'api' depends on unknown unit 'postgress'{Environment.NewLine}unit 'web' depends on unknown unit 'apii'",
            error.Message);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_path()
    {
        var error = Assert.Throws<UnitGraphException>(() =>
            UnitGraph.Build([Units.Service("a", "b"), Units.Service("b", "c"), Units.Service("c", "a")]));

        Assert.Equal("dependency cycle: a -> b -> c -> a", error.Message);
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        var error = Assert.Throws<UnitGraphException>(() => UnitGraph.Build([Units.Service("a"), Units.Service("a")]));

        Assert.Equal("unit 'a' is declared twice", error.Message);
    }

    [Fact]
    public void The_order_puts_dependencies_first_and_keeps_declaration_order_otherwise()
    {
        var graph = UnitGraph.Build([Units.Service("web", "api"), Units.Service("api", "db"), Units.Service("db"), Units.Service("docs")]);

        Assert.Equal(["db", "api", "web", "docs"], graph.Order);
        Assert.Equal(["api"], graph.DependentsOf("db"));
    }
}
