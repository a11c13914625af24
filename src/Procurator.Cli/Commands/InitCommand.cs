using System.CommandLine;
using Procurator.Editor;
using Procurator.Rendering;
using Procurator.Scripting;

namespace Procurator.Cli.Commands;

/// <summary>
/// <c>procurator init [DIR]</c>: scan the folder for projects and services, print what was found
/// and why, and write a starter <c>procurator.csx</c> (or a project <c>flake.nix</c> when the
/// folder is one project). <c>init --editor</c>: write the files that give an editor IntelliSense
/// and hovers for <c>procurator.csx</c>.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var directory = CommonOptions.RefusingOptions(new Argument<string>("dir")
        {
            Description = "The folder to scan, or the one the editor opens with --editor (default: the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        });
        var editor = new Option<bool>("--editor") { Description = "Write procurator.rsp, omnisharp.json and .vscode/settings.json for OmniSharp instead of scanning" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist and hold something else" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what the scan found and what would be written; write nothing" };
        var command = new Command("init", "Scan a folder of repositories or projects and write a starter procurator.csx (or a project flake.nix); --editor sets up editor support")
        {
            directory, editor, force, dryRun,
        };

        command.SetAction((parse, cancellationToken) => parse.GetValue(editor)
            ? InitAsync(cli, parse.GetValue(directory)!, parse.GetValue(force))
            : InitScanCommand.ScanAsync(cli, parse.GetValue(directory)!, parse.GetValue(force), parse.GetValue(dryRun)));
        return command;
    }

    private static async Task<int> InitAsync(CliContext cli, string directory, bool force)
    {
        // 1. Render in memory, pointing at the DSL as this very tool loaded it.
        var folder = cli.FullPath(directory);
        var files = EditorFiles.For(ScriptConventions.SdkAssemblyPath, ScriptConventions.SdkTargetFramework).All.ToArray();
        string Shown(string name) => Path.GetRelativePath(cli.CurrentDirectory, Path.Combine(folder, name));

        // 2. Identical files are fine; other content is only replaced with --force.
        var changed = files.Where(f => !OutputWriter.IsOnDisk(Path.Combine(folder, f.Name), f.Content)).ToArray();
        var conflicts = changed.Where(f => File.Exists(Path.Combine(folder, f.Name))).ToArray();
        if (conflicts.Length > 0 && !force)
        {
            foreach (var (name, _) in conflicts)
            {
                await cli.Error.WriteLineAsync($"{Shown(name)}: exists; use --force to overwrite");
            }

            return ExitCodes.Invalid;
        }

        // 3. Write what changed, all or nothing.
        OutputWriter.Write(folder, changed);
        foreach (var (name, _) in files)
        {
            var wrote = changed.Any(f => f.Name == name);
            await cli.Out.WriteLineAsync(wrote ? $"wrote {Shown(name)}" : $"{Shown(name)}: up to date");
        }

        return ExitCodes.Ok;
    }
}
