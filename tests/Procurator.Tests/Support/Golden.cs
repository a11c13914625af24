using System.Text;

namespace Procurator.Tests.Support;

/// <summary>Compares text with an expected file; with PROCURATOR_UPDATE_GOLDEN=1 rewrites the file instead.</summary>
internal static class Golden
{
    public static void AssertMatches(string expectedPath, string actual)
    {
        if (RepositoryPaths.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(expectedPath), $"missing golden file {expectedPath}; run the tests with PROCURATOR_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    /// <summary>Asserts that <paramref name="expectedPath"/> does not exist (or deletes it when updating).</summary>
    public static void AssertAbsent(string expectedPath, bool actuallyAbsent, string why)
    {
        if (RepositoryPaths.UpdateGolden)
        {
            File.Delete(expectedPath);
            return;
        }

        Assert.False(File.Exists(expectedPath) && actuallyAbsent, $"{expectedPath} is expected but {why}");
    }
}
