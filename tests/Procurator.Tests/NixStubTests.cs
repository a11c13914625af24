using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// Proves the offline nixpkgs stand-in (NixStub) and the <see cref="NixCli"/> harness work,
/// on tiny flakes written by the tests themselves.
/// </summary>
public sealed class NixStubTests
{
    private const string StubPath = "/nix/store/00000000000000000000000000000000-";

    [NixFact]
    public async Task MkShell_attributes_come_back_through_eval()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        dir.Write("flake.nix", """
            {
              description = "stub check";
              inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
              outputs = { self, nixpkgs }:
                let systems = [ "x86_64-linux" "aarch64-darwin" ]; in {
                  devShells = nixpkgs.lib.genAttrs systems (system:
                    let pkgs = nixpkgs.legacyPackages.${system}; in {
                      default = pkgs.mkShell {
                        name = "web";
                        packages = [ pkgs.nodejs_20 pkgs.python3Packages.requests ];
                        shellHook = ''
                          echo "café ''${HOME}"
                        '';
                        meta.description = "web shell";
                        FOO = "bar";
                      };
                    });
                  apps = nixpkgs.lib.genAttrs systems (system:
                    let pkgs = nixpkgs.legacyPackages.${system}; in {
                      default = {
                        type = "app";
                        program = "${pkgs.writeShellScriptBin "hello" "echo hi"}/bin/hello";
                      };
                    });
                };
            }
            """);

        var shell = (await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux.default")).Json();

        Assert.Equal("stub-shell", shell.GetProperty("type").GetString());
        Assert.Equal("web", shell.GetProperty("name").GetString());
        Assert.Equal(
            new[] { StubPath + "nodejs_20", StubPath + "python3Packages.requests" },
            Strings(shell.GetProperty("packages")));
        Assert.Empty(Strings(shell.GetProperty("inputsFrom")));
        Assert.Equal("echo \"café ${HOME}\"\n", shell.GetProperty("shellHook").GetString());
        Assert.Equal("web shell", shell.GetProperty("meta").GetProperty("description").GetString());
        Assert.Equal("bar", shell.GetProperty("FOO").GetString());

        var program = (await nix.EvalJsonAsync(dir.Path, "apps.aarch64-darwin.default.program")).Json();
        Assert.Equal(StubPath + "hello/bin/hello", program.GetString());

        var hook = (await nix.EvalJsonAsync(dir.Path, "devShells.aarch64-darwin.default", apply: "s: s.shellHook"))
            .Json<string>();
        Assert.StartsWith("echo \"café", hook, StringComparison.Ordinal);

        Assert.False(File.Exists(System.IO.Path.Combine(dir.Path, "flake.lock")), "the harness must not write flake.lock");
    }

    [NixFact]
    public async Task Path_subflake_input_follows_the_stubbed_nixpkgs()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        // The sub-flake names the real nixpkgs too: it only evaluates offline if `follows` works.
        dir.Write("api/flake.nix", """
            {
              description = "api";
              inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
              outputs = { self, nixpkgs }: {
                devShells = nixpkgs.lib.genAttrs [ "x86_64-linux" ] (system:
                  let pkgs = import nixpkgs { inherit system; }; in {
                    default = pkgs.mkShell {
                      name = "api";
                      packages = [ pkgs.python3 ];
                      shellHook = "echo api";
                    };
                  });
              };
            }
            """);
        dir.Write("flake.nix", """
            {
              description = "root";
              inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
              inputs.api = { url = "path:./api"; inputs.nixpkgs.follows = "nixpkgs"; };
              outputs = { self, nixpkgs, api }: {
                devShells = nixpkgs.lib.genAttrs [ "x86_64-linux" ] (system: {
                  default = nixpkgs.legacyPackages.${system}.mkShell {
                    name = "all";
                    inputsFrom = [ api.devShells.${system}.default ];
                  };
                });
              };
            }
            """);

        var result = await nix.EvalJsonAsync(
            dir.Path,
            "devShells.x86_64-linux.default",
            apply: "s: map (x: { inherit (x) name shellHook packages; }) s.inputsFrom");
        var inputs = result.Json();

        var api = Assert.Single(inputs.EnumerateArray());
        Assert.Equal("api", api.GetProperty("name").GetString());
        Assert.Equal("echo api", api.GetProperty("shellHook").GetString());
        Assert.Equal(new[] { StubPath + "python3" }, Strings(api.GetProperty("packages")));
        Assert.False(File.Exists(System.IO.Path.Combine(dir.Path, "flake.lock")), "the harness must not write flake.lock");
    }

    [NixFact]
    public async Task Parse_accepts_valid_and_rejects_broken_files()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        var good = dir.Write("good.nix", "{ a = \"x\\${y}\"; b = ''z''${w}''; }\n");
        var bad = dir.Write("bad.nix", "{ a = ; }\n");

        var ok = await nix.ParseAsync(good);
        ok.EnsureSuccess();

        var broken = await nix.ParseAsync(bad);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("syntax error", broken.Stderr, StringComparison.Ordinal);
        var e = Assert.Throws<NixCommandException>(() => broken.EnsureSuccess());
        Assert.Contains("syntax error", e.Message, StringComparison.Ordinal);
    }

    [NixTheory]
    [InlineData("x86_64-linux", false)]
    [InlineData("aarch64-linux", false)]
    [InlineData("x86_64-darwin", true)]
    [InlineData("aarch64-darwin", true)]
    public async Task Stub_provides_every_flake_system(string system, bool isDarwin)
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        dir.Write("flake.nix", """
            {
              description = "re-export";
              inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
              outputs = { self, nixpkgs }: { inherit (nixpkgs) legacyPackages; };
            }
            """);

        var info = (await nix.EvalJsonAsync(
            dir.Path,
            $"legacyPackages.{system}",
            apply: "p: { inherit (p) system; darwin = p.stdenv.isDarwin; node = \"${p.nodejs}\"; "
                + "arg = p.lib.escapeShellArg \"it's\"; }")).Json();

        Assert.Equal(system, info.GetProperty("system").GetString());
        Assert.Equal(isDarwin, info.GetProperty("darwin").GetBoolean());
        Assert.Equal(StubPath + "nodejs", info.GetProperty("node").GetString());
        Assert.Equal("'it'\\''s'", info.GetProperty("arg").GetString());
    }

    private static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? "<null>").ToArray();
}
