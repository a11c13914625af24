using System.CommandLine;
using Procurator.Ci;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator ci github</c>: a GitHub Actions workflow that checks the workspace and tests what a change affects.</summary>
internal static class CiCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the workflow (default: .github/workflows/procurator.yml at the repository root; - for standard output)",
        };
        var github = new Command("github", "Write a GitHub Actions workflow: procurator check, then the checks of every affected project in its dev shell") { output };
        common.AddTo(github);
        github.SetAction(async (parse, cancellationToken) =>
        {
            var request = common.Read(parse);
            var textOutput = new CommandOutput(cli, request with { Format = OutputFormat.Text });
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, textOutput, null, cancellationToken);
            if (workspace is null)
            {
                return exitCode;
            }

            // Paths in the workflow are relative to the repository root, where CI checks out.
            var root = RepositoryRoot(workspace.Layout.ScriptDirectory) ?? cli.CurrentDirectory;
            var script = Path.GetRelativePath(root, workspace.Layout.ScriptPath).Replace('\\', '/');
            string yaml;
            try
            {
                yaml = GithubWorkflow.Render(workspace.Model, script, new TemplateSource(null));
            }
            catch (RenderingException exception)
            {
                await cli.Error.WriteLineAsync($"procurator: error: {exception.Message}; nothing was written");
                return ExitCodes.TemplateError;
            }

            var target = parse.GetValue(output);
            if (target == "-")
            {
                await cli.Out.WriteAsync(yaml);
                return ExitCodes.Ok;
            }

            var path = target is null ? Path.Combine(root, ".github", "workflows", "procurator.yml") : cli.FullPath(target);
            OutputWriter.Write(Path.GetDirectoryName(path)!, [(Path.GetFileName(path), yaml)]);
            await cli.Out.WriteLineAsync($"wrote {Path.GetRelativePath(cli.CurrentDirectory, path)}");
            return ExitCodes.Ok;
        });

        return new Command("ci", "Generate CI configuration for the workspace") { github };
    }

    private static string? RepositoryRoot(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
