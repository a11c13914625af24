using Procurator.Supervisor.Control;

namespace Procurator.Tests.Control;

/// <summary>Where a workspace's state lives: the variable, XDG, root and home rules, the folder's name and hash.</summary>
public sealed class StatePathsTests
{
    private const string Workspace = "/home/me/src/shop";

    // The control socket's key of the workspace: state and socket are keyed alike.
    private static readonly string Key = Path.GetFileNameWithoutExtension(ControlPaths.For(Workspace, "/run/user/1000", 1000).Socket);

    [Fact]
    public void PROCURATOR_STATE_DIR_is_used_as_is_before_everything_else()
    {
        Assert.Equal("/srv/state/here", StatePaths.For(Workspace, "/srv/state/here/", "/xdg/state", "/home/me", 1000).Directory);
        Assert.Equal("/srv/state/here", StatePaths.For(Workspace, "/srv/state/here", null, null, 0).Directory);
    }

    [Fact]
    public void XDG_STATE_HOME_comes_next_then_the_home_folder()
    {
        Assert.Equal($"/xdg/state/procurator/shop-{Key}", StatePaths.For(Workspace, "", "/xdg/state", "/home/me", 1000).Directory);
        Assert.Equal($"/xdg/state/procurator/shop-{Key}", StatePaths.For(Workspace, null, "/xdg/state", "/home/me", 0).Directory);
        Assert.Equal($"/home/me/.local/state/procurator/shop-{Key}", StatePaths.For(Workspace, null, null, "/home/me", 1000).Directory);
        // A relative XDG_STATE_HOME is invalid (XDG base directory specification) and ignored.
        Assert.Equal($"/home/me/.local/state/procurator/shop-{Key}", StatePaths.For(Workspace, null, "rel/state", "/home/me", 1000).Directory);
        Assert.Equal($"/tmp/procurator-1000/state/procurator/shop-{Key}", StatePaths.For(Workspace, null, null, "", 1000).Directory);
    }

    [Fact]
    public void Root_defaults_to_var_lib_which_the_postgres_user_can_enter()
    {
        Assert.Equal($"/var/lib/procurator/shop-{Key}", StatePaths.For(Workspace, null, null, "/root", 0).Directory);
    }

    [Fact]
    public void Folder_is_keyed_by_the_full_workspace_path()
    {
        Assert.Matches("^[0-9a-f]{16}$", Key);
        Assert.Equal("115709fb9aa05770", Key);
        var state = StatePaths.For(Workspace, null, null, "/home/me", 1000);
        Assert.Equal(state, StatePaths.For(Workspace + "/", null, null, "/home/me", 1000));
        Assert.NotEqual(state, StatePaths.For("/home/me/other/shop", null, null, "/home/me", 1000));
    }

    [Theory]
    [InlineData("/home/me/shop", "shop")]
    [InlineData("/home/me/my shop (old)", "my_shop__old_")]
    [InlineData("/home/me/café.v2", "caf_.v2")]
    [InlineData("/home/me/a-very-long-workspace-folder-name-that-goes-on", "a-very-long-workspace-folder-nam")]
    [InlineData("/", "workspace")]
    public void Folder_name_is_the_workspace_name_made_safe(string workspace, string name) =>
        Assert.Equal(name, StatePaths.Name(workspace));

    [Fact]
    public void Data_logs_and_the_manager_log_are_inside_the_state_directory()
    {
        var state = new StatePaths("/s");
        Assert.Equal(("/s/data/postgres", "/s/logs", "/s/manager.log"), (state.Data("postgres"), state.Logs, state.ManagerLog));
    }
}
