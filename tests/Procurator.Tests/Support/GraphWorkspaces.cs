namespace Procurator.Tests.Support;

/// <summary>
/// The workspaces the graph formats are checked on: <c>microservices</c> is the bundled example,
/// every other case is <c>GraphGolden/&lt;case&gt;/input</c>.
/// </summary>
internal static class GraphWorkspaces
{
    public const string Microservices = "microservices";
    public const string HostileNames = "hostile-names";
    public const string Conditions = "conditions";

    public static string GoldenFolder => Path.Combine(RepositoryPaths.Tests, "GraphGolden");

    public static IReadOnlyList<string> Cases =>
        Directory.EnumerateDirectories(GoldenFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>The folder holding the case's <c>procurator.csx</c>.</summary>
    public static string InputOf(string name)
    {
        var input = Path.Combine(GoldenFolder, name, "input");
        return Directory.Exists(input) ? input : Path.Combine(RepositoryPaths.Examples, name);
    }

    /// <summary>The graph of a case in one format, as <c>procurator graph</c> prints it.</summary>
    public static async Task<string> RenderAsync(string name, string format)
    {
        var run = await CliRun.InAsync(InputOf(name), "graph", "--format", format);
        Assert.True(run.ExitCode == 0, $"procurator graph --format {format} on {name} exited {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }

    /// <summary>Writes the case's graph in <paramref name="format"/> to a file in <paramref name="folder"/>.</summary>
    public static async Task<string> WriteAsync(string name, string format, string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, await RenderAsync(name, format));
        return path;
    }
}
