using Procurator.Shared;

namespace Procurator.Tests.Shared;

/// <summary>The one cycle search that validation, the graph, compose import, the model reader and the supervisor share.</summary>
public sealed class CycleFinderTests
{
    [Fact]
    public void Depth_first_order_puts_dependencies_first_in_visit_order()
    {
        // 0 -> 1 -> 2, 3 -> 1
        int[][] successors = [[1], [2], [], [1]];

        var order = CycleFinder.DepthFirst(successors, _ => Assert.Fail("no cycle expected"));

        Assert.Equal([2, 1, 0, 3], order);
    }

    [Fact]
    public void Depth_first_reports_every_edge_that_closes_a_path_and_goes_on()
    {
        // 0 -> 1 -> 0 and 1 -> 2 -> 1, then 3 -> 3
        int[][] successors = [[1], [0, 2], [1], [3]];
        var cycles = new List<string>();

        var order = CycleFinder.DepthFirst(successors, path => cycles.Add(string.Join(",", path)));

        Assert.Equal(["0,1,0", "1,2,1", "3,3"], cycles);
        Assert.Equal([2, 1, 0, 3], order);
    }

    [Fact]
    public void Depth_first_survives_a_chain_deeper_than_the_stack()
    {
        var successors = Enumerable.Range(0, 200_000).Select(i => i + 1 < 200_000 ? new[] { i + 1 } : []).ToArray();

        Assert.Equal(199_999, CycleFinder.DepthFirst(successors)[0]);
    }

    [Fact]
    public void Per_component_names_one_shortest_cycle_from_each_components_lowest_node()
    {
        // {1, 2, 3}: 3 -> 1 -> 2 -> 3 and 1 -> 3 (shorter: 1, 3, 1); {4} loops on itself; 0 and 5 are on no cycle.
        int[][] successors = [[1], [2, 3], [3], [1], [4, 5], []];

        var cycles = CycleFinder.PerComponent(successors);

        Assert.Equal(["1,3,1", "4,4"], cycles.Select(c => string.Join(",", c)));
    }

    [Fact]
    public void Per_component_prefers_the_first_successor_among_equally_short_paths()
    {
        // 0 -> 1 -> 0 and 0 -> 2 -> 0: the caller's successor order decides.
        Assert.Equal([0, 1, 0], CycleFinder.PerComponent([[1, 2], [0], [0]]).Single());
        Assert.Equal([0, 2, 0], CycleFinder.PerComponent([[2, 1], [0], [0]]).Single());
    }

    [Fact]
    public void An_acyclic_graph_has_no_cycle()
    {
        int[][] successors = [[1, 2], [2], []];

        Assert.False(CycleFinder.HasCycle(successors));
        Assert.Empty(CycleFinder.PerComponent(successors));
    }
}
