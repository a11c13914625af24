using System.CommandLine;
using Procurator.Graph.Formats;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator graph</c>: the dependency graph as mermaid, dot, json or an interactive html page.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false);
        var format = new Option<string>("--format") { Description = "mermaid, dot, json, or html: one self-contained interactive page", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot", "json", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("graph", "Print the dependency graph of the workspace") { format, output };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (workspace, graph, exitCode) = await GraphLoader.LoadAsync(cli, common.Read(parse), cancellationToken);
            if (workspace is null || graph is null)
            {
                return exitCode;
            }

            var text = parse.GetValue(format) switch
            {
                "dot" => DotWriter.Write(graph),
                "json" => GraphJson.Write(graph),
                "html" => HtmlWriter.Write(graph, workspace.Model),
                _ => MermaidWriter.Write(graph),
            };
            if (parse.GetValue(output) is { } path)
            {
                var full = cli.FullPath(path);
                OutputWriter.Write(Path.GetDirectoryName(full)!, [(Path.GetFileName(full), text)]);
                await cli.Out.WriteLineAsync($"wrote {path}");
            }
            else
            {
                await cli.Out.WriteAsync(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
