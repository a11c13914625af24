using System.Text.Json;
using System.Xml.Linq;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// nix/package evaluated by the real Nix evaluator, offline, against NixDotnetStub (a
/// buildDotnetModule that returns its arguments): package.nix alone with nix-instantiate, and
/// the flake as users reference it (<c>git+file:…?dir=nix/package</c>). Nothing is built:
/// nixpkgs cannot be fetched here, so these check what the package asks buildDotnetModule for.
/// </summary>
public sealed class NixPackageEvalTests
{
    private const string StorePrefix = "/nix/store/00000000000000000000000000000000-";

    // What the tests read of the stand-in's result; paths are turned into what they hold.
    private const string Summary = """
        p: let a = p.args; in {
          inherit (p) type;
          argNames = builtins.attrNames a;
          inherit (a) pname version projectFile executables dotnetFlags meta;
          dotnetSdk = "${a.dotnet-sdk}";
          dotnetRuntime = "${a.dotnet-runtime}";
          nugetDepsFile = baseNameOf (toString a.nugetDeps);
          nugetDeps = builtins.fromJSON (builtins.readFile a.nugetDeps);
          projectFileInSrc = builtins.pathExists (a.src + "/${a.projectFile}");
          depsJsonInSrc = builtins.pathExists (a.src + "/nix/package/deps.json");
        }
        """;

    private static string StubDirectory => Path.Combine(RepositoryPaths.Tests, "NixDotnetStub");

    [NixFact]
    public async Task Package_nix_gives_buildDotnetModule_the_cli_project_and_its_lock()
    {
        var nix = NixCli.Require();
        var expression = $$"""
            { root }:
            let
              pkgs = import (/. + root + "/tests/Procurator.Tests/NixDotnetStub/pkgs.nix") { system = "x86_64-linux"; };
              package = pkgs.callPackage (/. + root + "/nix/package/package.nix") { src = /. + root; };
            in ({{Summary}}) package
            """;

        var result = await nix.RunAsync(
            nix.NixInstantiatePath,
            ["--eval", "--strict", "--json", "--argstr", "root", RepositoryPaths.Root, "-E", expression]);

        AssertPackageArguments(result.Json());
    }

    [NixFact]
    public async Task Flake_package_is_package_nix_with_the_whole_repository_as_source()
    {
        var nix = NixCli.Require();

        var package = (await EvalFlakeAsync(nix, "packages.x86_64-linux.default", Summary)).Json();
        var systems = (await EvalFlakeAsync(nix, "packages", "builtins.attrNames")).Json();
        var app = (await EvalFlakeAsync(nix, "apps.aarch64-darwin.default")).Json();

        AssertPackageArguments(package);
        Assert.Equal(["aarch64-darwin", "aarch64-linux", "x86_64-darwin", "x86_64-linux"], Strings(systems));
        Assert.Equal("app", app.GetProperty("type").GetString());
        Assert.Equal($"{StorePrefix}procurator-{CliVersion()}/bin/procurator", app.GetProperty("program").GetString());
    }

    private static void AssertPackageArguments(JsonElement package)
    {
        Assert.Equal("stub-dotnet-module", package.GetProperty("type").GetString());
        Assert.Equal(
            ["dotnet-runtime", "dotnet-sdk", "dotnetFlags", "executables", "meta", "nugetDeps", "pname", "projectFile", "src", "version"],
            Strings(package.GetProperty("argNames")));
        Assert.Equal("procurator", package.GetProperty("pname").GetString());
        Assert.Equal(CliVersion(), package.GetProperty("version").GetString());
        Assert.Equal("src/Procurator.Cli/Procurator.Cli.csproj", package.GetProperty("projectFile").GetString());
        Assert.True(package.GetProperty("projectFileInSrc").GetBoolean(), "src does not hold projectFile: src is not the repository root");
        Assert.True(package.GetProperty("depsJsonInSrc").GetBoolean(), "src does not hold nix/package/deps.json");
        Assert.Equal(["procurator"], Strings(package.GetProperty("executables")));
        Assert.Equal(["-p:PackAsTool=false"], Strings(package.GetProperty("dotnetFlags")));
        Assert.Equal(StorePrefix + "dotnetCorePackages.sdk_10_0", package.GetProperty("dotnetSdk").GetString());
        Assert.Equal(StorePrefix + "dotnetCorePackages.runtime_10_0", package.GetProperty("dotnetRuntime").GetString());
        Assert.Equal("deps.json", package.GetProperty("nugetDepsFile").GetString());
        Assert.Equal(CommittedDeps(), package.GetProperty("nugetDeps").EnumerateArray().Select(Entry));

        var meta = package.GetProperty("meta");
        Assert.Equal("procurator", meta.GetProperty("mainProgram").GetString());
        Assert.Equal(["x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"], Strings(meta.GetProperty("platforms")));
    }

    // The flake as README tells users to reference it: git+file of the clone, dir=nix/package
    // (only tracked files are copied, so the source is the repository, not bin/ and obj/).
    private static Task<NixResult> EvalFlakeAsync(NixCli nix, string attrPath, string? apply = null)
    {
        var root = RepositoryPaths.Root;
        Assert.True(
            root.All(c => char.IsAsciiLetterOrDigit(c) || "/-_.".Contains(c)) && StubDirectory.StartsWith(root, StringComparison.Ordinal),
            $"Nix 2.8 cannot name {root} in a flake URL (it does not percent-decode); run the tests from a plain path");

        List<string> args =
        [
            "--extra-experimental-features", "nix-command flakes",
            "eval", "--json", "--no-write-lock-file", "--offline", "--option", "eval-cache", "false", "--show-trace",
            $"git+file://{root}?dir=nix/package#{attrPath}",
            "--override-input", "nixpkgs", $"path:{StubDirectory}",
        ];
        if (apply is not null)
            args.AddRange(["--apply", apply]);
        return nix.RunAsync(nix.NixPath, args);
    }

    private static string CliVersion() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Procurator.Cli", "Procurator.Cli.csproj"))
            .Descendants("Version").Single().Value;

    private static IReadOnlyList<NuGetLockEntry> CommittedDeps() =>
        NuGetLockEntry.ParseDepsJson(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "nix", "package", "deps.json")), "nix/package/deps.json");

    private static NuGetLockEntry Entry(JsonElement e) =>
        new(e.GetProperty("pname").GetString()!, e.GetProperty("version").GetString()!, e.GetProperty("hash").GetString()!);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
