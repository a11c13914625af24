using System.Globalization;
using System.Text.RegularExpressions;
using Procurator.Tests.Support;
using Xunit.Abstractions;

namespace Procurator.Tests.ReadyToRun;

/// <summary>
/// Guards the rule in docs/ARCHITECTURE.md ("Warm runs"): a warm run of the ReadyToRun build
/// leaves little for the JIT. Counts, not wall time: <c>-v</c> prints the methods the JIT
/// compiled in each step, and they are the same on every warm run of the same build.
/// </summary>
public sealed partial class WarmRunJitTests(ITestOutputHelper output)
{
    // Measured on the bundled example (Dec 2026, one step per output target since the output
    // seam: 8, 4, 3, 43, 1, 137, 28, 4, 0), with room for a runtime update. One LINQ call over a
    // tuple, or a SortedDictionary of ours, costs more than the room (the service kind
    // catalogue's image index, built by LINQ over tuples, cost validate 15 methods).
    private static readonly Dictionary<string, int> Budget = new(StringComparer.Ordinal)
    {
        ["evaluate"] = 15,
        ["validate"] = 10,
        ["resolve"] = 8,
        ["render flake"] = 55,
        ["render model"] = 8,
        ["render visualize"] = 150,
        ["parse flake.nix"] = 36,
        ["parse procurator.json"] = 11,
        ["parse procurator.visualize.sh"] = 5,
    };

    private const int TotalBudget = 310;

    [GeneratedRegex(@"(?<=[:;,] )(?<step>[a-z][a-z .]*?) \d+ ms \((?<jit>\d+) jit, \d+ ms\)")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"(?<total>\d+) methods compiled by the JIT in all")]
    private static partial Regex TotalPattern();

    [Fact]
    public async Task A_warm_run_of_the_example_JIT_compiles_few_methods_per_step()
    {
        var cli = await ReadyToRunBuild.CliAsync();
        using var workspace = new TempDirectory("microservices");
        workspace.CopyFrom(Path.Combine(RepositoryPaths.Examples, "microservices"));
        File.Delete(workspace.Combine("flake.nix"));
        File.Delete(workspace.Combine("procurator.json"));
        using var cache = new TempDirectory("cache");
        var environment = new Dictionary<string, string> { ["PROCURATOR_CACHE_DIR"] = cache.Path };
        string[] args = [cli, "run", workspace.Combine("procurator.csx"), "-v"];

        var cold = await ToolProcess.RunAsync("dotnet", args, workspace.Path, environment: environment);
        Assert.True(cold.ExitCode == 0, cold.ToString());
        var warm = await ToolProcess.RunAsync("dotnet", args, workspace.Path, environment: environment);
        Assert.True(warm.ExitCode == 0, warm.ToString());

        var verbose = warm.Stderr + warm.Stdout;
        output.WriteLine(verbose);
        Assert.Contains("compile cache hit", verbose, StringComparison.Ordinal);
        var steps = StepPattern().Matches(verbose).ToDictionary(
            m => m.Groups["step"].Value, m => int.Parse(m.Groups["jit"].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(Budget.Keys.Order(StringComparer.Ordinal), steps.Keys.Order(StringComparer.Ordinal));
        var over = Budget.Where(b => steps[b.Key] > b.Value).Select(b => $"{b.Key}: {steps[b.Key]} methods (budget {b.Value})").ToArray();
        Assert.True(over.Length == 0, $"the JIT compiled more than the step's budget; see \"Warm runs\" in docs/ARCHITECTURE.md:\n{string.Join('\n', over)}");
        var total = int.Parse(TotalPattern().Match(verbose).Groups["total"].Value, CultureInfo.InvariantCulture);
        Assert.True(total <= TotalBudget, $"{total} methods compiled by the JIT in all (budget {TotalBudget})");
    }
}
