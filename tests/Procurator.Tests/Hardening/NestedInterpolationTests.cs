using Procurator.Compose;
using Procurator.Tests.Compose;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 10: <c>${A:-</c> nested 20,000 times in a 120 KB compose file took 4.7 GB and 23 s
/// (each level scanned and copied the rest of the value). Nesting is capped, so the cost is linear;
/// the guard is the bytes this thread allocates, never the clock.
/// </summary>
public sealed class NestedInterpolationTests
{
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("${A:-", depth)) + "x" + new string('}', depth);

    private static string File(string value) => $"services:\n  app:\n    image: x\n    environment:\n      V: '{value}'\n";

    [Fact]
    public void Twenty_thousand_levels_are_a_located_error_in_bounded_memory()
    {
        var yaml = File(Nested(20_000));
        Assert.InRange(yaml.Length, 120_000, 130_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = ComposeTestFiles.Errors(yaml);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["compose.yaml(5,10): error PRO028: invalid interpolation: '${' is nested more than 64 levels deep"], errors);
        Assert.InRange(allocated, 0, 64L * 1024 * 1024); // 4.7 GB before the cap
    }

    [Fact]
    public void Nesting_up_to_the_cap_still_interpolates()
    {
        Assert.Equal("x", ComposeTestFiles.Service(File(Nested(Interpolator.MaxDepth))).Environment["V"]);
        Assert.Equal(
            ["compose.yaml(5,10): error PRO028: invalid interpolation: '${' is nested more than 64 levels deep"],
            ComposeTestFiles.Errors(File(Nested(Interpolator.MaxDepth + 1))));
    }
}
