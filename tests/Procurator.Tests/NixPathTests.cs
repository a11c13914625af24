using System.Text.RegularExpressions;
using Procurator.Cli;
using Procurator.Nix.Locks;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// The Nix path as a new user walks it: a fresh workspace's flake locks, shows and checks with
/// nothing overridden but nixpkgs; nothing generated points at an invented place; an edited
/// project flake reaches the master's shells; a hand-written flake.nix is never replaced.
/// </summary>
public sealed partial class NixPathTests
{
    private const string CardLine = "Project(\"api\").DependsOn(\"postgres\").Port(8080);\n";

    [NixFact]
    public async Task Fresh_workspace_locks_shows_and_checks_with_only_nixpkgs_overridden()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", CardLine);
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        var stub = Path.Combine(RepositoryPaths.Tests, "NixDerivationStub");

        foreach (var verb in new[] { "lock", "show", "check" })
        {
            var result = await nix.RunAsync(nix.NixPath,
                ["--extra-experimental-features", "nix-command flakes", "flake", verb, $"path:{dir.Path}", "--override-input", "nixpkgs", $"path:{stub}"]);
            Assert.True(result.Succeeded, $"nix flake {verb} failed: {result.Stderr}");
        }

        Assert.True(File.Exists(dir.Combine("flake.lock")));
    }

    [Fact]
    public async Task Generated_files_name_no_place_but_nixpkgs()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", CardLine);

        var run = await CliRun.InAsync(dir.Path, "run");
        var text = File.ReadAllText(dir.Combine("flake.nix")) + File.ReadAllText(dir.Combine("procurator.json"));

        Assert.Equal(0, run.ExitCode);
        // The SVG namespace of the embedded graph page is a name, never fetched (the page's CSP forbids requests).
        Assert.Equal(
            ["github:NixOS/nixpkgs/nixos-unstable"],
            Locations().Matches(text).Select(m => m.Value).Where(url => !url.StartsWith("http://www.w3.org/2000/svg", StringComparison.Ordinal)).Distinct());
        Assert.DoesNotContain("procurator.url", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_procurator_flake_becomes_the_input_the_apps_use()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", CardLine + "Workspace.ProcuratorFlake(\"git+file:///src/procurator?dir=nix/package\");\n");

        await CliRun.InAsync(dir.Path, "run");
        var flake = File.ReadAllText(dir.Combine("flake.nix"));

        Assert.Contains("    procurator.url = \"git+file:///src/procurator?dir=nix/package\";\n", flake, StringComparison.Ordinal);
        Assert.Contains("exec ${inputs.procurator.packages.${system}.default}/bin/procurator up --model ./procurator.json", flake, StringComparison.Ordinal);
    }

    [NixFact]
    public async Task Edited_project_flake_reaches_the_master_shell_after_run()
    {
        var nix = NixCli.Require();
        using var dir = ProjectWorkspace("api-v1");
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        (await nix.RunAsync(nix.NixPath,
            ["--extra-experimental-features", "nix-command flakes", "flake", "lock", $"path:{dir.Path}", "--override-input", "nixpkgs", $"path:{NixCli.StubDirectory}"]))
            .EnsureSuccess();
        Assert.Equal("[\"api-v1\"]", await ProjectShellNamesAsync(nix, dir.Path));

        File.WriteAllText(dir.Combine("services", "api", "flake.nix"), ProjectFlake("api-v2"));
        var stale = await ProjectShellNamesAsync(nix, dir.Path);
        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal("[\"api-v1\"]", stale); // what Nix alone does with the old lock: the reason for this feature
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.EndsWith("refreshed flake.lock: api (./services/api) changed since locked (nix flake lock --update-input api)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("[\"api-v2\"]", await ProjectShellNamesAsync(nix, dir.Path));
        Assert.Equal("flake.lock is up to date with every project flake\n", (await CliRun.InAsync(dir.Path, "lock")).Stdout);
    }

    [NixFact]
    public async Task Nar_hash_matches_what_nix_computes()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        dir.Write("a.txt", "hello\n");
        dir.Write("sub/déjà vu.txt", new string('x', 13));
        dir.Write("sub/empty", "");
        dir.Write("B/run.sh", "#!/bin/sh\necho hi\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir.Combine("B", "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.CreateSymbolicLink(dir.Combine("link"), "sub/empty");
        Directory.CreateDirectory(dir.Combine("empty-dir"));

        var expected = (await nix.RunAsync(nix.NixPath, ["--extra-experimental-features", "nix-command", "hash", "path", dir.Path])).EnsureSuccess().Stdout.Trim();

        Assert.Equal(expected, NarHash.Of(dir.Path));
    }

    [Fact]
    public async Task Without_nix_run_names_the_one_command_that_refreshes_the_lock()
    {
        using var dir = ProjectWorkspace("api-v1");
        dir.Write("flake.lock", StaleLock);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };

        var exitCode = await CliApp.RunAsync(["run"], new CliContext(stdout, stderr, dir.Path) { CacheDirectory = CliRun.TestCacheDirectory, FindNix = () => null });

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "procurator: warning: flake.lock pins old copies of api (./services/api), changed since they were locked; nix is not on PATH: run `nix flake lock --update-input api` in this folder\n",
            stderr.ToString());
        Assert.Equal([new StaleInput("api", "./services/api")], FlakeLockFreshness.Stale(dir.Path));
    }

    [Fact]
    public async Task Hand_written_flake_is_left_alone_unless_forced()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", CardLine);
        const string HandWritten = "{ outputs = { self }: { }; }\n";
        dir.Write("flake.nix", HandWritten);

        var refused = await CliRun.InAsync(dir.Path, "run");
        var untouched = File.ReadAllText(dir.Combine("flake.nix"));
        var jsonWritten = File.Exists(dir.Combine("procurator.json"));
        var forced = await CliRun.InAsync(dir.Path, "run", "--force");
        var again = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal(
            (1, "", "flake.nix(1,1): error PRO047: flake.nix was not written by Procurator (it lacks the line '# Generated by Procurator' near its top); nothing was written: move it away, or pass --force to replace it\n"),
            (refused.ExitCode, refused.Stdout, refused.Stderr));
        Assert.Equal(HandWritten, untouched);
        Assert.False(jsonWritten);
        Assert.Equal((0, 0), (forced.ExitCode, again.ExitCode));
        Assert.StartsWith("# Generated by Procurator", File.ReadAllText(dir.Combine("flake.nix")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foreign_procurator_json_and_workflow_are_refused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine(".git"));
        dir.Write("procurator.csx", CardLine + "Workspace.ProcuratorFlake(\"github:my-org/procurator?dir=nix/package\");\n");
        dir.Write("procurator.json", "{\"name\": \"something else\"}\n");
        dir.Write(".github/workflows/procurator.yml", "name: mine\n");

        var run = await CliRun.InAsync(dir.Path, "run");
        var ci = await CliRun.InAsync(dir.Path, "ci", "github");

        Assert.Equal(
            (1, "procurator.json(1,1): error PRO047: procurator.json was not written by Procurator (it is not a procurator.json with schemaVersion and workspace); nothing was written: move it away, or pass --force to replace it\n"),
            (run.ExitCode, run.Stderr));
        Assert.Equal(
            (1, ".github/workflows/procurator.yml(1,1): error PRO047: .github/workflows/procurator.yml was not written by Procurator (it lacks the line '# Generated by Procurator' near its top); nothing was written: move it away, or pass --force to replace it\n"),
            (ci.ExitCode, ci.Stderr));
        Assert.Equal("name: mine\n", File.ReadAllText(dir.Combine(".github", "workflows", "procurator.yml")));
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "ci", "github", "--force")).ExitCode);
    }

    // A lock whose api entry pins a folder that no longer exists in that form.
    private const string StaleLock = """
        {
          "nodes": {
            "api": {
              "inputs": { "nixpkgs": [ "nixpkgs" ] },
              "locked": { "lastModified": 1, "narHash": "sha256-qYNGtX6pXgcdOcclRNaOn65phM42gE7yL2YG6hJ7ZKo=", "path": "./services/api", "type": "path" },
              "original": { "path": "./services/api", "type": "path" }
            },
            "root": { "inputs": { "api": "api" } }
          },
          "root": "root",
          "version": 7
        }
        """;

    private static TempDirectory ProjectWorkspace(string shellName)
    {
        var dir = new TempDirectory();
        dir.Write("procurator.csx", "Workspace.Systems(\"x86_64-linux\");\nProject(\"api\", \"./services/api\").Port(8080);\n");
        dir.Write("services/api/flake.nix", ProjectFlake(shellName));
        return dir;
    }

    private static string ProjectFlake(string shellName) => $$"""
        {
          inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
          outputs = { self, nixpkgs }: {
            devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell { name = "{{shellName}}"; };
          };
        }
        """;

    private static async Task<string> ProjectShellNamesAsync(NixCli nix, string directory) =>
        (await nix.EvalJsonAsync(directory, "devShells.x86_64-linux.api.inputsFrom", apply: "map (s: s.name)")).EnsureSuccess().Stdout.Trim();

    // Flake references and URLs: github:/gitlab:/git+…/path:/https?:// up to a quote or space.
    [GeneratedRegex("""(github:|gitlab:|sourcehut:|git\+[a-z]+:|tarball\+|https?://)[^"\s]+""")]
    private static partial Regex Locations();
}
