using System.Net;
using System.Net.Sockets;
using Procurator.Supervisor.Control;
using Procurator.Tests.Support;

namespace Procurator.Tests.Up;

/// <summary>
/// A non-git workspace is the source of its master flake, copied whole into the store on every
/// evaluation: with postgres running, the real Nix must still run the flake's apps, and the
/// store copy must hold only the workspace's own files (no data, log or socket).
/// </summary>
public sealed class StateOutsideTheFlakeTests
{
    // Offline; a derivation-building stand-in for nixpkgs (NixRunStub) runs without a sandbox or build users.
    private static readonly string[] NixOptions =
    [
        "--extra-experimental-features", "nix-command flakes",
        "--option", "build-users-group", "", "--option", "sandbox", "false",
        "--offline",
    ];

    private static string[] StubInput => ["--no-write-lock-file", "--override-input", "nixpkgs", $"path:{Path.Combine(RepositoryPaths.Tests, "NixRunStub")}"];

    [NixPostgresFact]
    public async Task Nix_run_status_works_while_postgres_runs_and_the_store_copy_holds_no_state()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory("ws");
        using var state = new TempDirectory("state");
        using var bin = new TempDirectory("bin");
        Assert.Null(GitFolderAbove(dir.Path));
        var port = FreePort();
        dir.Write("procurator.csx", $"""
            Workspace.ProcuratorFlake(null);
            Service("postgres").Port({port});
            """);
        // The flake's apps run the procurator on PATH: this build of it.
        var shim = bin.Write("procurator", $"#!/bin/sh\nexec dotnet '{ProcessRun.CliAssembly}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string>
        {
            [StatePaths.Variable] = state.Path,
            ["PATH"] = $"{bin.Path}:{Environment.GetEnvironmentVariable("PATH")}",
        };
        Assert.Equal(0, (await ProcessRun.InAsync(dir.Path, environment, "run")).ExitCode);

        var up = await ProcessRun.InAsync(dir.Path, environment, "up", "--wait");
        try
        {
            Assert.True(up.ExitCode == 0, up.Stderr);
            // Postgres keeps its data and socket in the state directory, where Nix never looks.
            Assert.True(File.Exists(state.Combine("data", "postgres", $".s.PGSQL.{port}")), up.Stderr);

            var status = await nix.RunAsync(nix.NixPath, [.. NixOptions, "run", $"path:{dir.Path}#status", .. StubInput], dir.Path, environment);

            Assert.True(status.ExitCode == 0, $"{status.CommandLine}\n{status.Stderr}");
            Assert.Matches(@"(?m)^postgres\s+ready\s+healthy\s+\d+\s", status.Stdout);
            Assert.EndsWith($"\nstate: {state.Path} (logs in {state.Path}/logs)\n", status.Stdout);

            var metadata = (await nix.RunAsync(nix.NixPath, [.. NixOptions, "flake", "metadata", "--json", $"path:{dir.Path}", .. StubInput])).Json();
            var source = metadata.GetProperty("path").GetString()!;
            Assert.StartsWith("/nix/store/", source);
            Assert.Equal(["flake.nix", "procurator.csx", "procurator.json", "procurator.visualize.sh"],
                Directory.EnumerateFileSystemEntries(source, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(source, e)).Order(StringComparer.Ordinal));
        }
        finally
        {
            var down = await ProcessRun.InAsync(dir.Path, environment, "down");
            Assert.True(down.ExitCode == 0, down.Stderr);
        }

        Assert.False(File.Exists(state.Combine("data", "postgres", $".s.PGSQL.{port}")));
    }

    /// <summary>The nearest folder holding <c>.git</c> at or above <paramref name="path"/>: there must be none.</summary>
    private static string? GitFolderAbove(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
