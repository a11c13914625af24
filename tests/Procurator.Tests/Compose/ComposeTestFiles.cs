using Procurator.Compose;
using Procurator.Diagnostics;
using Procurator.Tests.Support;

namespace Procurator.Tests.Compose;

/// <summary>Loads compose text in memory: files by path, environment by name; nothing touches the disk.</summary>
internal static class ComposeTestFiles
{
    public const string Folder = "/project";
    public const string ComposePath = "/project/compose.yaml";

    /// <summary>The corpus of real-world compose files, copied into the tests (source and license in its README.md).</summary>
    public static string Corpus => Path.Combine(RepositoryPaths.Tests, "ComposeCorpus");

    public static ComposeLoadResult Load(string yaml, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var all = new Dictionary<string, string>(files ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ComposePath] = yaml,
        };
        var options = new ComposeLoadOptions(environment ?? new Dictionary<string, string>(), path => all.GetValueOrDefault(path));
        return ComposeLoader.Load(ComposePath, options);
    }

    /// <summary>The one service of a file that must load without errors.</summary>
    public static ComposeService Service(string yaml, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, string>? environment = null, string name = "app")
    {
        var result = Load(yaml, files, environment);
        Assert.True(result.Project is not null, string.Join("\n", result.Diagnostics.Select(d => DiagnosticFormatter.Format(d))));
        return Assert.Single(result.Project.Services, s => s.Name == name);
    }

    /// <summary>The diagnostics as printed, paths relative to the in-memory folder.</summary>
    public static string[] Errors(string yaml, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Load(yaml, files, environment);
        Assert.Null(result.Project);
        return result.Diagnostics.Where(d => d.IsError).Select(d => DiagnosticFormatter.Format(d, Folder)).ToArray();
    }
}
