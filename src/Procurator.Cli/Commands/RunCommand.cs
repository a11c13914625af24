using System.CommandLine;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator run</c>: evaluate, validate, and write <c>flake.nix</c> and <c>procurator.json</c>.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var script = CommonOptions.ScriptArgument();
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write flake.nix and procurator.json to (default: the script's folder)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the files on disk differ from what would be generated" };
        var templates = new Option<string?>("--templates") { Description = "Folder with Scriban templates that replace the built-in ones" };
        var command = new Command("run", "Generate the master flake.nix and procurator.json from the workspace script")
        {
            script, output, check, templates,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            cli, parse.GetValue(script)!, parse.GetValue(output), parse.GetValue(check), parse.GetValue(templates), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string script, string? output, bool check, string? templates, CancellationToken cancellationToken)
    {
        // 1. Load: evaluate, validate, resolve; errors are printed and nothing is written.
        var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, script, output, cancellationToken);
        if (workspace is null)
        {
            return exitCode;
        }

        // 2. Render everything in memory first.
        var model = workspace.Model;
        GeneratedFiles files;
        try
        {
            files = FlakeRenderer.Render(model, Path.GetFileName(workspace.Layout.ScriptPath), new TemplateSource(templates is null ? null : cli.FullPath(templates)));
        }
        catch (RenderingException exception)
        {
            await cli.Error.WriteLineAsync($"procurator: error: {exception.Message}; nothing was written");
            return ExitCodes.TemplateError;
        }

        // 3. Compare (--check) or write atomically.
        var directory = workspace.Layout.OutputDirectory;
        string Shown(string name) => Path.GetRelativePath(cli.CurrentDirectory, Path.Combine(directory, name));
        if (check)
        {
            var drifted = OutputWriter.Drifted(directory, files);
            foreach (var name in drifted)
            {
                await cli.Error.WriteLineAsync($"{Shown(name)}: out of date; run `procurator run {script}` to regenerate it");
            }

            if (drifted.Count == 0)
            {
                await cli.Out.WriteLineAsync("flake.nix and procurator.json are up to date");
            }

            return drifted.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        }

        OutputWriter.Write(directory, files);
        await cli.Out.WriteLineAsync(
            $"wrote {Shown("flake.nix")} and {Shown("procurator.json")}: " +
            $"{Count(model.Projects.Count, "project")}, {Count(model.Services.Count, "service")}, " +
            $"{Count(model.Externals.Count, "external")}, {Count(model.Shells.Count, "shell")}");
        return ExitCodes.Ok;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
