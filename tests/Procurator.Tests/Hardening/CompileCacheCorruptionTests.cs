using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Procurator.Scripting;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 2: whatever sits in the compile cache in place of an entry's files (truncated,
/// random, a link to /dev/zero, a FIFO, a folder, a huge file) is a miss: the script is compiled
/// again, gives the right model and replaces the entry. Never a BadImageFormatException, a hang
/// or gigabytes of memory.
/// </summary>
public sealed class CompileCacheCorruptionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("dll", "truncated")]
    [InlineData("dll", "random")]
    [InlineData("dll", "dev-zero")]
    [InlineData("dll", "fifo")]
    [InlineData("dll", "directory")]
    [InlineData("dll", "huge")]
    [InlineData("pdb", "random")]
    [InlineData("manifest", "dev-zero")]
    [InlineData("manifest", "fifo")]
    public async Task A_damaged_entry_is_a_miss_that_compiles_again(string file, string damage)
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\").DependsOn(\"postgres\").Port(8080);\n");
        var options = new EvaluationOptions(new ScriptCache(dir.Combine("cache"), _clock), EvaluationOptions.DefaultTimeout);
        Assert.Equal("miss", (await LoadAsync(dir, options)).Cache);
        Damage(Directory.GetFiles(dir.Combine("cache", "scripts-v2"), "*." + file).Single(), damage);

        var watch = Stopwatch.StartNew();
        var damaged = await LoadAsync(dir, options);

        Assert.Equal("miss", damaged.Cache);
        Assert.Empty(damaged.Diagnostics);
        Assert.Equal([8080], damaged.Model!.Projects.Single().Ports);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal("hit", (await LoadAsync(dir, options)).Cache);
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "random":
                File.WriteAllBytes(path, new Random(21).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), bytes.Length));
                break;
            case "dev-zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "fifo":
                MakeFifo(path);
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "huge":
                using (var stream = File.Create(path))
                {
                    stream.SetLength(300L * 1024 * 1024); // sparse: costs no disk
                }

                break;
        }
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static Task<LoadResult> LoadAsync(TempDirectory dir, EvaluationOptions options) =>
        Task.Run(() => WorkspaceLoader.Load(dir.Combine("procurator.csx"), null, options));
}
