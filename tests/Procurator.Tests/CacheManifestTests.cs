using Procurator.Model;
using Procurator.Scripting;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The compile cache's manifest format, and the sorted map the model is built from.</summary>
public sealed class CacheManifestTests
{
    private static readonly CacheManifest Sample = new(
        "k-1.dll",
        "k-1.pdb",
        [new SourceDependency("/work/my space/procurator.csx", "aa11"), new SourceDependency("/work/lib/shared.csx", "bb22")],
        [new SourceDependency("/opt/Some.dll", "cc33")]);

    [Fact]
    public void Written_manifest_is_the_documented_lines_and_reads_back_equal()
    {
        var text = Sample.Write();

        Assert.Equal(
            "procurator-compiled-script 2\nassembly k-1.dll\npdb k-1.pdb\n" +
            "source aa11 /work/my space/procurator.csx\nsource bb22 /work/lib/shared.csx\nreference cc33 /opt/Some.dll\n",
            text);
        var read = CacheManifest.Read(text!)!;
        Assert.Equal((Sample.Assembly, Sample.Pdb), (read.Assembly, read.Pdb));
        Assert.Equal(Sample.Sources, read.Sources);
        Assert.Equal(Sample.References, read.References);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"assembly\":\"k-1.dll\"}")] // format 1 was JSON
    [InlineData("procurator-compiled-script 1\nassembly a.dll\npdb a.pdb\n")]
    [InlineData("procurator-compiled-script 2\nassembly a.dll\npdb a.pdb")] // torn: no final newline
    [InlineData("procurator-compiled-script 2\nassembly a.dll\npdb a.pdb\nsource aa11\n")] // no path
    [InlineData("procurator-compiled-script 2\nassembly a.dll\npdb a.pdb\nlibrary aa11 /x\n")]
    [InlineData("procurator-compiled-script 2\npdb a.pdb\nassembly a.dll\n")]
    public void Anything_else_is_not_a_manifest(string text) => Assert.Null(CacheManifest.Read(text));

    [Fact]
    public void A_path_with_a_line_break_is_not_written()
    {
        var manifest = Sample with { Sources = [new SourceDependency("/work/odd\nname.csx", "aa11")] };

        Assert.Null(manifest.Write());
    }

    [Fact]
    public async Task A_script_whose_path_cannot_be_recorded_still_runs_uncached()
    {
        using var dir = new TempDirectory();
        dir.Write("odd\nfolder/procurator.csx", "Project(\"api\");\n");
        var options = new EvaluationOptions(new ScriptCache(dir.Combine("cache"), TimeProvider.System), EvaluationOptions.DefaultTimeout);

        var first = await Task.Run(() => WorkspaceLoader.Load(dir.Combine("odd\nfolder", "procurator.csx"), null, options));
        var second = await Task.Run(() => WorkspaceLoader.Load(dir.Combine("odd\nfolder", "procurator.csx"), null, options));

        Assert.Equal(["api"], first.Model!.Projects.Select(p => p.Name));
        Assert.Equal(("miss", "miss"), (first.Cache, second.Cache));
    }

    [Fact]
    public void Sorted_map_enumerates_in_ordinal_key_order_and_looks_up()
    {
        var map = new SortedMap<string>(new Dictionary<string, string>(StringComparer.Ordinal) { ["b"] = "2", ["B"] = "3", ["a"] = "1" });

        Assert.Equal(["B", "a", "b"], map.Select(p => p.Key));
        Assert.Equal(["B", "a", "b"], map.Keys);
        Assert.Equal(["3", "1", "2"], map.Values);
        Assert.Equal(("1", true, false, 3), (map["a"], map.ContainsKey("B"), map.TryGetValue("c", out _), map.Count));
        Assert.Empty(SortedMap<string>.Empty);
    }
}
