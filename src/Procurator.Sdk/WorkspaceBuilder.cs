using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

/// <summary>Workspace-wide settings, reached through <c>Workspace</c> in a script.</summary>
/// <example><code>Workspace.Name("shop").Systems("x86_64-linux", "aarch64-darwin");</code></example>
public sealed class WorkspaceBuilder
{
    internal Located<string>? NameSetting { get; private set; }
    internal string? DescriptionText { get; private set; }
    internal Located<string>? NixpkgsSetting { get; private set; }
    internal Located<IReadOnlyList<string>>? SystemsSetting { get; private set; }
    internal Located<string?>? ProcuratorFlakeSetting { get; private set; }

    /// <summary>Names the workspace; it defaults to the script's folder name.</summary>
    /// <example><code>Workspace.Name("shop");</code></example>
    public WorkspaceBuilder Name(string name, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        NameSetting = new(name, new ScriptSite(file, line, nameof(Name)));
        return this;
    }

    /// <summary>Describes the workspace; it becomes the master flake's description.</summary>
    /// <example><code>Workspace.Description("The shop's services");</code></example>
    public WorkspaceBuilder Description(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        DescriptionText = text;
        return this;
    }

    /// <summary>Sets the nixpkgs flake reference; the default is <c>github:NixOS/nixpkgs/nixos-unstable</c>.</summary>
    /// <example><code>Workspace.Nixpkgs("github:NixOS/nixpkgs/nixos-24.05");</code></example>
    public WorkspaceBuilder Nixpkgs(string flakeRef, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(flakeRef);
        NixpkgsSetting = new(flakeRef, new ScriptSite(file, line, nameof(Nixpkgs)));
        return this;
    }

    /// <summary>
    /// Sets the flake the master flake's <c>up</c>, <c>down</c>, <c>status</c> and <c>logs</c> apps take
    /// <c>procurator</c> from: any flake whose <c>packages.&lt;system&gt;.default</c> has <c>bin/procurator</c>.
    /// It becomes the master flake's input <c>procurator</c>, and <c>procurator ci github</c> runs the tool
    /// from it. By default (or with <c>null</c>) there is no such input and the apps run the
    /// <c>procurator</c> found on PATH.
    /// </summary>
    /// <example><code>Workspace.ProcuratorFlake("github:my-org/procurator/v1.2.0?dir=nix/package");
    /// Workspace.ProcuratorFlake("git+file:///home/me/src/procurator?dir=nix/package");   // a local clone</code></example>
    public WorkspaceBuilder ProcuratorFlake(string? flakeRef, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ProcuratorFlakeSetting = new(flakeRef, new ScriptSite(file, line, nameof(ProcuratorFlake)));
        return this;
    }

    /// <summary>Sets the one system to generate outputs for; the default is the four common ones.</summary>
    /// <example><code>Workspace.Systems("x86_64-linux");</code></example>
    public WorkspaceBuilder Systems(string system, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        SetSystems([system], new ScriptSite(file, line, nameof(Systems)));

    /// <summary>Sets the systems to generate outputs for.</summary>
    /// <example><code>Workspace.Systems("x86_64-linux", "aarch64-darwin");</code></example>
    public WorkspaceBuilder Systems(string first, string second, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        SetSystems([first, second], new ScriptSite(file, line, nameof(Systems)));

    /// <inheritdoc cref="Systems(string, string, CallerBarrier, string, int)"/>
    /// <example><code>Workspace.Systems("x86_64-linux", "aarch64-linux", "aarch64-darwin");</code></example>
    public WorkspaceBuilder Systems(string first, string second, string third, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        SetSystems([first, second, third], new ScriptSite(file, line, nameof(Systems)));

    /// <summary>Sets the systems to generate outputs for; the default is the four common ones.</summary>
    /// <example><code>Workspace.Systems("x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin");</code></example>
    public WorkspaceBuilder Systems(params string[] systems) => SetSystems(systems, ScriptSites.FromStack(nameof(Systems)));

    private WorkspaceBuilder SetSystems(string[] systems, ScriptSite site)
    {
        ArgumentNullException.ThrowIfNull(systems);
        foreach (var system in systems)
        {
            ArgumentNullException.ThrowIfNull(system, nameof(systems));
        }

        SystemsSetting = new(systems.ToArray(), site);
        return this;
    }
}
