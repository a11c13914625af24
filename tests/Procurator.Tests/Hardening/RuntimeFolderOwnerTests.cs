using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 9: another local user pre-creates the runtime folder (<c>/tmp/procurator-&lt;uid&gt;</c>
/// without <c>XDG_RUNTIME_DIR</c>) and swaps the control socket. The folder is used only when it is
/// ours, 0700 and not a link; otherwise every command that would trust it stops with a message
/// naming the folder, what was found and what to do. The tests point <c>XDG_RUNTIME_DIR</c> at a
/// temporary base: the check is the same for both places, and the real folder is never touched.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RuntimeFolderOwnerTests
{
    private const UnixFileMode Open = (UnixFileMode)0b111_111_111;

    private static string Refused(string folder, string found) =>
        $"procurator: error: the runtime folder {folder} is not private: {found}; another local user could read or replace the control socket. " +
        $"Remove it (rm -rf {folder}) if it is not yours, or set XDG_RUNTIME_DIR to a folder only you can enter";

    [RootFact]
    public async Task A_folder_another_user_owns_is_refused_by_clients_and_by_up()
    {
        using var dir = new TempDirectory();
        using var runtime = new TempDirectory("runtime");
        dir.Write("procurator.csx", "Project(\"p\", \".\").Process(\"web\", \"sleep 30\");\n");
        var folder = runtime.Combine("procurator");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, Open);
        var chown = await ToolProcess.RunAsync("chown", ["65534", folder], runtime.Path);
        Assert.True(chown.ExitCode == 0, chown.ToString());
        var environment = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime.Path, ["PROCURATOR_STATE_DIR"] = runtime.Combine("state") };
        var expected = Refused(folder, "it is owned by uid 65534, not by you (uid 0), mode 0777");

        var status = await ProcessRun.InAsync(dir.Path, environment, "status");
        var down = await ProcessRun.InAsync(dir.Path, environment, "down");
        var up = await ProcessRun.InAsync(dir.Path, environment, "up", "-d");
        var run = await ProcessRun.InAsync(dir.Path, environment, "run");

        Assert.Equal((1, expected), (status.ExitCode, status.Stderr.TrimEnd()));
        Assert.Equal((1, expected), (down.ExitCode, down.Stderr.TrimEnd()));
        Assert.Equal((1, expected), (up.ExitCode, up.Stderr.TrimEnd()));
        Assert.Equal((1, expected), (run.ExitCode, run.Stderr.TrimEnd()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder)); // no socket, no lock: nothing was started in it
    }

    [Fact]
    public async Task Our_own_folder_with_a_wider_mode_is_refused()
    {
        using var dir = new TempDirectory();
        using var runtime = new TempDirectory("runtime");
        dir.Write("procurator.csx", "Project(\"p\", \".\");\n");
        var folder = runtime.Combine("procurator");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, Open);

        var status = await ProcessRun.InAsync(dir.Path, new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime.Path }, "status");

        Assert.Equal((1, Refused(folder, "its mode is 0777, wider than 0700")), (status.ExitCode, status.Stderr.TrimEnd()));
    }

    [Fact]
    public void A_link_in_place_of_the_folder_is_refused_even_to_a_private_folder()
    {
        using var runtime = new TempDirectory("runtime");
        var target = runtime.Combine("elsewhere");
        Directory.CreateDirectory(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var folder = runtime.Combine("procurator");
        Directory.CreateSymbolicLink(folder, target);

        var paths = ControlPaths.For(runtime.Path, runtime.Path, Procurator.Supervisor.Processes.Native.UserId);
        var refused = Assert.Throws<ControlException>(paths.EnsureDirectory);

        Assert.StartsWith($"the runtime folder {folder} is not private: it is a symbolic link (owned by uid ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_created_0700_whatever_the_umask_allows()
    {
        using var runtime = new TempDirectory("runtime");
        var paths = ControlPaths.For(runtime.Path, runtime.Path, Procurator.Supervisor.Processes.Native.UserId);

        paths.EnsureDirectory();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(paths.Directory));
    }

    [Fact]
    public void The_state_fallback_under_tmp_names_its_runtime_folder_to_check()
    {
        var state = StatePaths.For("/w/shop", null, null, "", 1000);

        Assert.Equal("/tmp/procurator-1000", state.RuntimeParent);
        Assert.Null(StatePaths.For("/w/shop", null, null, "/home/u", 1000).RuntimeParent);
    }
}
