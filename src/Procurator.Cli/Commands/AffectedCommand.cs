using System.CommandLine;
using Procurator.Graph;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator affected --base REV [--head REV]</c>: what a change in git affects.</summary>
internal static class AffectedCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false);
        var @base = new Option<string>("--base") { Description = "The revision to compare with, such as origin/main", Required = true };
        var head = new Option<string?>("--head") { Description = "The revision with the change (default: the working tree, untracked files included)" };
        var format = ImpactOutput.FormatOption();
        var command = new Command("affected", "Map the files changed since a git revision to projects, then list everything that depends on them") { @base, head, format };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = common.Read(parse);
            var (workspace, graph, exitCode) = await GraphLoader.LoadAsync(cli, request, cancellationToken);
            if (graph is null)
            {
                return exitCode;
            }

            IReadOnlyList<string> changedFiles;
            try
            {
                changedFiles = await GitChanges.ChangedFilesAsync(workspace!.Layout.ScriptDirectory, parse.GetValue(@base)!, parse.GetValue(head), cancellationToken);
            }
            catch (GitException exception)
            {
                await cli.Error.WriteLineAsync($"procurator: error: {exception.Message}");
                return ExitCodes.Usage;
            }

            var files = ChangeMapper.Map(changedFiles, workspace.Model, workspace.Layout.OutputDirectory, workspace.SourceFiles);
            var changed = files.SelectMany(f => f.Nodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var affected = ImpactAnalysis.Affected(graph, changed);
            var shown = files.Select(f => f with { Path = Path.GetRelativePath(cli.CurrentDirectory, f.Path) }).ToArray();
            await ImpactOutput.WriteAsync(cli.Out, parse.GetValue(format)!, changed, affected, shown);
            return ExitCodes.Ok;
        });
        return command;
    }
}
