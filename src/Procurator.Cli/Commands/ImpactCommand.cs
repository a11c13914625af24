using System.CommandLine;
using Procurator.Graph;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator impact [FILE] NODE...</c>: everything that depends on the given nodes, and why.</summary>
internal static class ImpactCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false, withScript: false);
        var targets = new Argument<string[]>("nodes")
        {
            Description = "The changed nodes: ids (service:postgres), names (postgres) or project/process; a first argument ending in .csx is the workspace script",
            Arity = ArgumentArity.OneOrMore,
        };
        var depth = new Option<int?>("--depth") { Description = "Stop this many dependency steps away" };
        var format = ImpactOutput.FormatOption();
        var command = new Command("impact", "List everything that transitively depends on the given nodes, with the path that makes each affected") { targets, depth, format };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (script, names) = ScriptArguments.Split(parse.GetValue(targets)!);
            var (_, graph, exitCode) = await GraphLoader.LoadAsync(cli, common.Read(parse) with { Script = script }, cancellationToken);
            if (graph is null)
            {
                return exitCode;
            }

            if (await GraphLoader.ResolveAsync(cli, graph, names) is not { } changed)
            {
                return ExitCodes.Usage;
            }

            var affected = ImpactAnalysis.Affected(graph, changed, parse.GetValue(depth));
            await ImpactOutput.WriteAsync(cli.Out, parse.GetValue(format)!, changed, affected, files: null);
            return ExitCodes.Ok;
        });
        return command;
    }
}
