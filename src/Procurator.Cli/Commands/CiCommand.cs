using System.CommandLine;
using Procurator.Ci;
using Procurator.Diagnostics;
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
        var force = new Option<bool>("--force") { Description = "Replace the workflow file even when Procurator did not write it" };
        var github = new Command("github", "Write a GitHub Actions workflow: procurator check, then the checks of every affected project in its dev shell") { output, force };
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

            // The runner must be able to get procurator: from the flake the script names.
            if (GithubWorkflow.ProcuratorSource(workspace.Model) is { } problem)
            {
                await textOutput.DiagnosticsAsync([Diagnostic.Error(ErrorCodes.NoProcuratorSource, problem, new SourceLocation(workspace.Layout.ScriptPath, 1, 1))]);
                return ExitCodes.Invalid;
            }

            // Paths in the workflow are relative to the repository root, where CI checks out.
            var root = IO.GitRepository.RootOf(workspace.Layout.ScriptDirectory) ?? cli.CurrentDirectory;
            string FromRoot(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
            string yaml;
            try
            {
                yaml = GithubWorkflow.Render(workspace.Model, FromRoot(workspace.Layout.ScriptPath), FromRoot(workspace.Layout.OutputDirectory), new TemplateSource(null));
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
            var shown = Path.GetRelativePath(cli.CurrentDirectory, path);
            if (!parse.GetValue(force) && !GeneratedMarker.MayReplace(path))
            {
                await textOutput.DiagnosticsAsync([Diagnostic.Error(ErrorCodes.NotGeneratedByProcurator, GeneratedMarker.Refusal(shown), new SourceLocation(path, 1, 1))]);
                return ExitCodes.Invalid;
            }

            OutputWriter.Write(Path.GetDirectoryName(path)!, [(Path.GetFileName(path), yaml)]);
            await cli.Out.WriteLineAsync($"wrote {shown}");
            return ExitCodes.Ok;
        });

        return new Command("ci", "Generate CI configuration for the workspace") { github };
    }
}
