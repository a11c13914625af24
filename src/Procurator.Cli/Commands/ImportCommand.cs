using System.CommandLine;
using Procurator.Compose;
using Procurator.Diagnostics;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator import compose FILE</c>: the services of a compose file, as JSON or as a starter <c>procurator.csx</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = CommonOptions.RefusingOptions(new Argument<string>("file") { Description = "The compose file (compose.yaml, docker-compose.yml, …)" });
        var format = new Option<string>("--format") { Description = "json (the default): the services as data; csx: a starter procurator.csx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csx");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output (- for standard output)" };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file when it holds something else" };
        var compose = new Command("compose", "Read a compose file: services, images, ports, dependencies, health checks and environment")
        {
            file, format, output, force,
        };
        compose.SetAction((parse, cancellationToken) =>
            ImportAsync(cli, parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(force)));
        return new Command("import", "Import a workspace description from another tool's files") { compose };
    }

    private static async Task<int> ImportAsync(CliContext cli, string file, string format, string? output, bool force)
    {
        // 1. Load: every problem is reported, and nothing is written when one is an error.
        var path = cli.FullPath(file);
        if (!File.Exists(path))
        {
            await cli.Error.WriteLineAsync(DiagnosticFormatter.Format(Diagnostic.Error(ErrorCodes.ComposeFileNotFound, $"compose file '{file}' was not found", null)));
            return ExitCodes.Invalid;
        }

        var result = ComposeLoader.Load(path, ComposeLoadOptions.FromDisk(ComposeLoadOptions.ProcessEnvironment()));
        foreach (var diagnostic in result.Diagnostics)
        {
            await cli.Error.WriteLineAsync(DiagnosticFormatter.Format(diagnostic, cli.CurrentDirectory));
        }

        if (result.Project is not { } project)
        {
            return ExitCodes.Invalid;
        }

        // 2. Render; a script's project paths are relative to where the script goes.
        var target = output is null or "-" ? null : cli.FullPath(output);
        var text = format == "csx"
            ? ComposeCsxWriter.Write(project, Path.GetDirectoryName(target ?? path)!)
            : ComposeJson.Write(project);
        if (target is null)
        {
            await cli.Out.WriteAsync(text);
            return ExitCodes.Ok;
        }

        // 3. Write, never over something else without --force.
        var shown = Path.GetRelativePath(cli.CurrentDirectory, target);
        if (File.Exists(target) && !OutputWriter.IsOnDisk(target, text) && !force)
        {
            await cli.Error.WriteLineAsync($"{shown}: exists; use --force to overwrite");
            return ExitCodes.Invalid;
        }

        OutputWriter.Write(Path.GetDirectoryName(target)!, [(Path.GetFileName(target), text)]);
        await cli.Out.WriteLineAsync($"wrote {shown}");
        return ExitCodes.Ok;
    }
}
