using Procurator.Tests.Support;

namespace Procurator.Tests.Export;

/// <summary>
/// The master flake's <c>packages.&lt;system&gt;.&lt;project&gt;-image</c>, evaluated with the nixpkgs
/// stand-in (whose <c>dockerTools.buildLayeredImage</c> returns its arguments): the image the export
/// names, from the project flake's package and its first process.
/// </summary>
public sealed class FlakeImageTests
{
    private const string Store = "/nix/store/00000000000000000000000000000000-";

    private static string ProjectFlake(string name) => $$"""
        {
          outputs = { self }: {
            packages.x86_64-linux.default = { type = "stub-package"; name = "{{name}}-app"; pname = "{{name}}"; outPath = "{{Store}}{{name}}-app"; meta.mainProgram = "{{name}}"; };
          };
        }
        """;

    [NixFact]
    public async Task Projects_without_an_image_get_one_built_from_their_flake_package_and_process()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory("image-shop");
        dir.Write("procurator.csx", """
            Workspace.Name("Image Shop").Systems("x86_64-linux");
            Project("api", "./api").Port(8080).Process("web", "./bin/api --port \"8080\"").Task("migrate", "./bin/migrate");
            Project("tool", "./tool");
            Project("named", "./named").Image("registry.example.com/named:1").Process("web", "./named");
            """);
        foreach (var project in new[] { "api", "tool", "named" })
        {
            dir.Write($"{project}/flake.nix", ProjectFlake(project));
        }

        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
        var images = (await nix.EvalJsonAsync(dir.Path, "packages.x86_64-linux",
            "builtins.mapAttrs (n: i: { inherit (i) name tag; cmd = i.config.Cmd; ports = builtins.attrNames i.config.ExposedPorts; contents = map (c: c.name) i.contents; })"))
            .EnsureSuccess().Json();

        Assert.Equal(
            """{"api-image":{"cmd":["/bin/sh","-c","./bin/api --port \"8080\""],"contents":["api-app","busybox"],"name":"image-shop/api","ports":["8080/tcp"],"tag":"nix"},""" +
            "\"tool-image\":{\"cmd\":[\"" + Store + "tool-app/bin/tool\"],\"contents\":[\"tool-app\",\"busybox\"],\"name\":\"image-shop/tool\",\"ports\":[],\"tag\":\"nix\"}}",
            images.GetRawText());

        // The export names exactly these images.
        var export = await CliRun.InAsync(dir.Path, "export", "kubernetes", "-o", "k8s");
        Assert.Contains("  api: image image-shop/api:nix, built by `nix build .#api-image`\n", export.Stdout);
        Assert.Contains("  tool: image image-shop/tool:nix, built by `nix build .#tool-image`\n", export.Stdout);
        Assert.Contains("  named: image registry.example.com/named:1\n", export.Stdout);
    }
}
