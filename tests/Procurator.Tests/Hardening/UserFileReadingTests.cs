using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, rows 6 and 7: the scan never leaves its root through a symbolic link, and every
/// reader of user files (scan, compose, env files, the script, <c>#load</c>) reads only regular
/// files of bounded size, with a located PRO051 (or CS1504 at the <c>#load</c>) otherwise.
/// Each case would hang for ever or fill memory before the fix; the test host's timeout is the guard.
/// </summary>
public sealed class UserFileReadingTests
{
    [Fact]
    public async Task A_link_to_a_folder_outside_the_root_is_not_scanned()
    {
        using var dir = new TempDirectory();
        using var outside = new TempDirectory("elsewhere");
        outside.Write("lib/package.json", "{\"name\":\"outside\"}\n");
        dir.Write("api/package.json", "{\"name\":\"api\"}\n");
        Directory.CreateSymbolicLink(dir.Combine("root-link"), "/");
        Directory.CreateSymbolicLink(dir.Combine("outside"), outside.Path);
        File.CreateSymbolicLink(dir.Combine("package.json"), outside.Combine("lib", "package.json"));

        var run = await CliRun.InAsync(dir.Path, "init", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("api:", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("outside", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("root-link", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FIFO_named_package_json_is_an_error_at_that_file()
    {
        using var dir = new TempDirectory();
        dir.Write("api/go.mod", "module api\n");
        CompileCacheCorruptionTests.MakeFifo(dir.Combine("api", "package.json"));

        var run = await CliRun.InAsync(dir.Path, "init", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("api/package.json(1,1): error PRO051: api/package.json is not a regular file (a FIFO); it was not read", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_json_larger_than_the_cap_is_an_error_at_that_file()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("api"));
        using (var huge = File.Create(dir.Combine("api", "package.json")))
        {
            huge.SetLength(17L * 1024 * 1024); // sparse: costs no disk
        }

        var run = await CliRun.InAsync(dir.Path, "init", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("api/package.json(1,1): error PRO051: api/package.json is larger than 16 MiB, the limit for a file Procurator reads; it was not read", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_json_linked_to_dev_zero_leaves_the_root_and_is_not_read()
    {
        using var dir = new TempDirectory();
        dir.Write("api/go.mod", "module api\n");
        File.CreateSymbolicLink(dir.Combine("api", "package.json"), "/dev/zero");

        var run = await CliRun.InAsync(dir.Path, "init", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("package.json", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compose_env_file_linked_to_dev_zero_is_an_error_at_that_file()
    {
        using var dir = new TempDirectory();
        dir.Write("compose.yaml", "services:\n  db:\n    image: postgres:15\n    env_file: zero.env\n");
        File.CreateSymbolicLink(dir.Combine("zero.env"), "/dev/zero");

        var run = await CliRun.InAsync(dir.Path, "import", "compose", "compose.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"zero.env(1,1): error PRO051: {dir.Combine("zero.env")} is not a regular file (a device); it was not read", run.Stderr.Split('\n')[0]);
    }

    [Fact]
    public async Task A_load_of_dev_zero_is_a_located_compile_error()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "#load \"zero.csx\"\nProject(\"api\");\n");
        File.CreateSymbolicLink(dir.Combine("zero.csx"), "/dev/zero");

        var run = await CliRun.InAsync(dir.Path, "validate", "--no-cache");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procurator.csx(1,7): error CS1504:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not a regular file (a device)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_that_is_a_FIFO_is_an_error_not_a_hang()
    {
        using var dir = new TempDirectory();
        CompileCacheCorruptionTests.MakeFifo(dir.Combine("procurator.csx"));

        var run = await CliRun.InAsync(dir.Path, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"procurator.csx(1,1): error PRO051: script '{dir.Combine("procurator.csx")}' is not a regular file (a FIFO); it was not read", run.Stderr, StringComparison.Ordinal);
    }
}
