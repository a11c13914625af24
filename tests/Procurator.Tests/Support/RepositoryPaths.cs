namespace Procurator.Tests.Support;

/// <summary>Folders of the repository, found from the test assembly by walking up to Procurator.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootValue = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Procurator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Procurator.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootValue.Value;

    public static string Tests => Path.Combine(Root, "tests", "Procurator.Tests");

    public static string Golden => Path.Combine(Tests, "Golden");

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>Set PROCURATOR_UPDATE_GOLDEN=1 to rewrite expected files from actual output.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("PROCURATOR_UPDATE_GOLDEN") == "1";
}
