using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// Generated flakes checked by the real Nix evaluator (offline, nixpkgs replaced by the
/// stub): they parse, and the <c>procurator</c> output, the dev shells and the apps say
/// what the model says.
/// </summary>
public sealed class FlakeEvaluationTests
{
    private const string System = "x86_64-linux";
    private const string StorePrefix = "/nix/store/00000000000000000000000000000000-";

    public static TheoryData<string> Workspaces()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepositoryPaths.Golden).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "expected", "flake.nix")))
            {
                data.Add(Path.Combine("Golden", Path.GetFileName(dir), "input"));
            }
        }

        data.Add(Path.Combine("..", "..", "examples", "microservices"));
        return data;
    }

    [NixTheory]
    [MemberData(nameof(Workspaces))]
    public async Task Generated_flake_evaluates_to_what_the_model_says(string workspace)
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory(Path.GetFileName(Path.GetDirectoryName(Path.Combine(RepositoryPaths.Tests, workspace + "/"))!));
        dir.CopyFrom(Path.GetFullPath(Path.Combine(RepositoryPaths.Tests, workspace)));
        foreach (var generated in new[] { "flake.nix", "procurator.json", "flake.lock" })
        {
            File.Delete(dir.Combine(generated));
        }

        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        using var model = JsonDocument.Parse(File.ReadAllText(dir.Combine("procurator.json")));
        var externals = ExternalStandIns(dir, model);

        // 1. Syntax.
        (await nix.ParseAsync(dir.Combine("flake.nix"))).EnsureSuccess();

        // 2. The procurator output is the model, through builtins.fromJSON.
        var output = (await nix.EvalJsonAsync(dir.Path, "procurator", overrideInputs: externals)).EnsureSuccess().Json();
        Assert.True(JsonElement.DeepEquals(model.RootElement, output), $"procurator output differs from procurator.json:\n{output}");

        // 3. One dev shell per project and per shell of the model, each named after itself.
        var shells = (await nix.EvalJsonAsync(dir.Path, $"devShells.{System}", "builtins.mapAttrs (n: s: s.name)", overrideInputs: externals)).EnsureSuccess().Json();
        var expectedShells = Names(model, "projects").Concat(Names(model, "shells")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedShells, shells.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(shells.EnumerateObject(), p => Assert.Equal(p.Name, p.Value.GetString()));

        // 4. One app per process and the service manager's four, each an app whose program is the
        //    store path of its script (the stub's writeShellScript appends the text after a newline).
        var apps = (await nix.EvalJsonAsync(dir.Path, $"apps.{System}", "builtins.mapAttrs (n: a: { inherit (a) type program; })", overrideInputs: externals)).EnsureSuccess().Json();
        var expectedApps = model.RootElement.GetProperty("projects").EnumerateArray()
            .SelectMany(p => p.GetProperty("processes").EnumerateArray().Select(x => $"{p.GetProperty("name").GetString()}-{x.GetProperty("name").GetString()}"))
            .Concat(["visualize", "up", "down", "status", "logs"])
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedApps, apps.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(apps.EnumerateObject(), p =>
        {
            Assert.Equal("app", p.Value.GetProperty("type").GetString());
            var script = p.Name is "up" or "down" or "status" or "logs" ? "procurator-" + p.Name : p.Name;
            Assert.StartsWith(StorePrefix + script + "\n", p.Value.GetProperty("program").GetString(), StringComparison.Ordinal);
        });
    }

    [NixFact]
    public async Task Project_shells_take_in_their_project_flakes_and_composed_shells_namespace_env()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory("microservices");
        dir.CopyFrom(Path.Combine(RepositoryPaths.Examples, "microservices"));
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);

        const string view = "s: { inherit (s) shellHook packages; inputsFrom = map (x: x.name) s.inputsFrom; }";
        var api = (await nix.EvalJsonAsync(dir.Path, $"devShells.{System}.api", view)).EnsureSuccess().Json();
        var backend = (await nix.EvalJsonAsync(dir.Path, $"devShells.{System}.backend", view)).EnsureSuccess().Json();

        Assert.Equal(["api"], Strings(api.GetProperty("inputsFrom")));
        Assert.Equal([StorePrefix + "nodejs_20"], Strings(api.GetProperty("packages")));
        // Its own env, references filled in, after its dependencies' connection info: psql just works in it.
        Assert.Equal(
            string.Join("\n",
                "export DATABASE_URL='postgresql://postgres@127.0.0.1:5432/shop'",
                "export PGDATABASE='shop'", "export PGHOST='127.0.0.1'", "export PGPORT='5432'", "export PGUSER='postgres'",
                "export POSTGRES_DATABASE='shop'", "export POSTGRES_HOST='127.0.0.1'", "export POSTGRES_PORT='5432'",
                "export POSTGRES_URL='postgresql://postgres@127.0.0.1:5432/shop'", "export POSTGRES_USER='postgres'",
                "export REDIS_HOST='127.0.0.1'", "export REDIS_PORT='6379'", "export REDIS_URL='redis://127.0.0.1:6379/0'"),
            api.GetProperty("shellHook").GetString());
        Assert.Equal(["api", "worker"], Strings(backend.GetProperty("inputsFrom")));
        Assert.Equal(
            "export API_DATABASE_URL='postgresql://postgres@127.0.0.1:5432/shop'\nexport API_REDIS_URL='redis://127.0.0.1:6379/0'\n" +
            "export WORKER_DATABASE_URL='postgresql://postgres@127.0.0.1:5432/shop'\nexport WORKER_QUEUE='default'",
            backend.GetProperty("shellHook").GetString());
    }

    /// <summary>Externals point at other repositories; offline, each is replaced by a local flake with a dev shell.</summary>
    private static Dictionary<string, string> ExternalStandIns(TempDirectory dir, JsonDocument model)
    {
        var standIns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names(model, "externals"))
        {
            var flake = dir.Write(Path.Combine("..", "externals", name, "flake.nix"), $$"""
                {
                  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
                  outputs = { self, nixpkgs }: {
                    devShells = nixpkgs.lib.genAttrs [ "{{System}}" ] (system: { default = nixpkgs.legacyPackages.${system}.mkShell { name = "{{name}}"; }; });
                  };
                }
                """);
            standIns[name] = Path.GetDirectoryName(flake)!;
        }

        return standIns;
    }

    private static IEnumerable<string> Names(JsonDocument model, string collection) =>
        model.RootElement.GetProperty(collection).EnumerateArray().Select(e => e.GetProperty("name").GetString()!);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
