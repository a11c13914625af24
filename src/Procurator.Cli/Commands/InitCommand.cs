using System.CommandLine;
using Procurator.Editor;
using Procurator.Rendering;
using Procurator.Scripting;

namespace Procurator.Cli.Commands;

/// <summary>
/// <c>procurator init --editor</c>: write the files that give an editor IntelliSense and
/// hovers for <c>procurator.csx</c>. Scanning a repository for projects comes later.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var directory = CommonOptions.RefusingOptions(new Argument<string>("dir")
        {
            Description = "The workspace folder, the one the editor opens (default: the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        });
        var editor = new Option<bool>("--editor") { Description = "Write procurator.rsp, omnisharp.json and .vscode/settings.json for OmniSharp (required: the only mode so far)" };
        var force = new Option<bool>("--force") { Description = "Overwrite those files when they hold something else" };
        var command = new Command("init", "Set up a workspace folder; only --editor is supported so far (scanning a repository for projects is not implemented yet)")
        {
            directory, editor, force,
        };

        // A bare `init` will scan the repository one day; until then it is a usage error that says so.
        command.Validators.Add(result =>
        {
            if (!result.GetValue(editor))
            {
                result.AddError("init needs --editor: it is the only mode so far (scanning a repository for projects is not implemented yet)");
            }
        });
        command.SetAction((parse, cancellationToken) => InitAsync(cli, parse.GetValue(directory)!, parse.GetValue(force)));
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
