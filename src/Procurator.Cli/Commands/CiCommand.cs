using System.CommandLine;
using Procurator.Output;
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

            // Rendered and parsed first; the target says what it needs (a procurator flake the runner can fetch).
            var publisher = new OutputPublisher(cli, textOutput);
            var context = new OutputContext(workspace.Model, workspace.Layout, cli.CurrentDirectory, new TemplateSource(null));
            var (files, renderCode) = await publisher.RenderAsync(OutputTargets.GithubActions, context, writes: true);
            if (files is null)
            {
                return renderCode;
            }

            var target = parse.GetValue(output);
            if (target == "-")
            {
                await cli.Out.WriteAsync(files.Single().Content);
                return ExitCodes.Ok;
            }

            // -o puts the workflow elsewhere than .github/workflows/procurator.yml.
            var workflow = target is null ? files.Single() : files.Single() with { Path = cli.FullPath(target) };
            var set = new OutputSet(Path.GetDirectoryName(workflow.Path)!, [workflow]);
            return await publisher.WriteAsync(set, parse.GetValue(force), () => cli.Out.WriteLineAsync($"wrote {publisher.Shown(workflow)}"), cancellationToken);
        });

        return new Command("ci", "Generate CI configuration for the workspace") { github };
    }
}
