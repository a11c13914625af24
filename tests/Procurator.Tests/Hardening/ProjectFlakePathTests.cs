using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 1: a project folder holding a flake becomes a <c>path:./dir</c> input, and Nix
/// rejects some characters there. Those are refused with PRO050 before anything is written;
/// every character still allowed is proven by the real Nix.
/// </summary>
public sealed class ProjectFlakePathTests
{
    private const string AllowedFolder = "a._-~!$&'()*+,;=:@Z9";

    [Theory]
    [InlineData("sp ace", " ")]
    [InlineData("ha#sh", "#")]
    [InlineData("qu?est", "?")]
    [InlineData("dq\"uote", "\"")]
    [InlineData("nl\nx", "\\n")]
    [InlineData("caf\u00e9", "\u00e9")]
    [InlineData("pct%20x", "%")]
    public async Task A_flake_folder_with_a_character_Nix_rejects_is_refused_with_PRO050(string folder, string shown)
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", $"Project(\"api\", {CSharpString(folder)});\n");
        dir.Write(Path.Combine(folder, "flake.nix"), "{ outputs = { self }: { }; }\n");

        var run = await CliRun.InAsync(dir.Path, "run");

        Assert.Equal(1, run.ExitCode);
        var path = folder.Replace("\n", "\\n", StringComparison.Ordinal);
        Assert.Equal(
            $"procurator.csx(1,1): error PRO050: path './{path}' of project 'api' has a flake.nix, but Nix cannot take '{shown}' in a path: input; rename the folder using only letters, digits and /._-~!$&'()*+,;=:@",
            run.Stderr.Split('\n')[0]);
        Assert.False(File.Exists(dir.Combine("flake.nix")));
    }

    [Fact]
    public async Task Such_a_folder_without_a_flake_is_no_input_and_runs()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Project(\"api\", \"./sp ace\");\n");
        Directory.CreateDirectory(dir.Combine("sp ace"));

        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "run")).ExitCode);
    }

    [NixFact]
    public async Task Every_character_allowed_reaches_the_project_flake_through_real_nix()
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", $"Workspace.Systems(\"x86_64-linux\");\nProject(\"api\", {CSharpString("./" + AllowedFolder)});\n");
        dir.Write(Path.Combine(AllowedFolder, "flake.nix"), """
            {
              outputs = { self, nixpkgs }: {
                devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell { name = "through-the-path"; };
              };
            }
            """);
        var run = await CliRun.InAsync(dir.Path, "run");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var names = (await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux.api.inputsFrom", apply: "map (s: s.name)")).EnsureSuccess().Stdout.Trim();

        Assert.Equal("[\"through-the-path\"]", names);
    }

    private static string CSharpString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
