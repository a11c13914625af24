using System.Text;
using Procurator.Supervisor.Processes;

namespace Procurator.Supervisor.Control;

/// <summary>
/// Where a workspace's runtime state lives: service data (<c>data/&lt;service&gt;</c>), unit logs
/// (<c>logs/&lt;unit&gt;.log</c>) and the detached manager's output (<c>manager.log</c>). Never inside
/// the workspace: the workspace is the source of its master flake, and Nix copies a non-git flake
/// whole into the store on every evaluation (and fails on a socket).
/// <list type="number">
/// <item><c>$PROCURATOR_STATE_DIR</c> when set, used as is (no name or hash added);</item>
/// <item>else <c>$XDG_STATE_HOME/procurator/&lt;name&gt;-&lt;hash&gt;</c> (when the variable holds an absolute path);</item>
/// <item>else, for root, <c>/var/lib/procurator/&lt;name&gt;-&lt;hash&gt;</c>: services that refuse to run as root
/// (postgres) run as their own user, who cannot enter <c>/root</c>;</item>
/// <item>else <c>~/.local/state/procurator/&lt;name&gt;-&lt;hash&gt;</c>.</item>
/// </list>
/// <c>&lt;name&gt;</c> is the workspace folder's name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; at most
/// 32 characters), <c>&lt;hash&gt;</c> the workspace key of <see cref="ControlPaths"/>.
/// </summary>
/// <param name="Directory">The state directory (full path).</param>
internal sealed record StatePaths(string Directory)
{
    /// <summary>The variable that puts the state directory elsewhere, used as is.</summary>
    public const string Variable = "PROCURATOR_STATE_DIR";

    private const int MaxNameLength = 32;

    /// <summary>
    /// The shared-<c>/tmp</c> runtime folder the state lives in (the last fallback), which must be private
    /// before anything is written into it (<see cref="RuntimeDirectory"/>); null elsewhere.
    /// </summary>
    public string? RuntimeParent { get; init; }

    /// <summary>The unit log files.</summary>
    public string Logs => Path.Combine(Directory, "logs");

    /// <summary>The output of the manager started by <c>up -d</c>.</summary>
    public string ManagerLog => Path.Combine(Directory, "manager.log");

    /// <summary>The data directory of a service.</summary>
    public string Data(string service) => Path.Combine(Directory, "data", service);

    /// <summary>The state of <paramref name="workspaceDirectory"/>, from the process environment.</summary>
    public static StatePaths For(string workspaceDirectory) =>
        For(workspaceDirectory, Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("XDG_STATE_HOME"),
            Home(), Native.UserId);

    /// <summary>The state of <paramref name="workspaceDirectory"/> given the environment.</summary>
    public static StatePaths For(string workspaceDirectory, string? stateDirectory, string? xdgStateHome, string? home, uint userId)
    {
        if (!string.IsNullOrEmpty(stateDirectory))
        {
            return new StatePaths(Path.TrimEndingDirectorySeparator(Path.GetFullPath(stateDirectory)));
        }

        var workspace = ControlPaths.Normalize(workspaceDirectory);
        var folder = $"{Name(workspace)}-{ControlPaths.Key(workspace)}";
        var runtime = $"/tmp/procurator-{userId}";
        var root = !string.IsNullOrEmpty(xdgStateHome) && Path.IsPathRooted(xdgStateHome) ? xdgStateHome
            : userId == 0 ? "/var/lib"
            : !string.IsNullOrEmpty(home) && Path.IsPathRooted(home) ? Path.Combine(home, ".local", "state")
            : null;
        return root is null
            ? new StatePaths(Path.Combine(runtime, "state", "procurator", folder)) { RuntimeParent = runtime }
            : new StatePaths(Path.Combine(root, "procurator", folder));
    }

    /// <summary>The workspace folder's name, kept readable and safe in a path: other characters become <c>_</c>.</summary>
    internal static string Name(string workspace)
    {
        var name = Path.GetFileName(workspace);
        var safe = new StringBuilder(Math.Min(name.Length, MaxNameLength));
        foreach (var c in name.Take(MaxNameLength))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return safe.Length == 0 ? "workspace" : safe.ToString();
    }

    private static string? Home() =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
