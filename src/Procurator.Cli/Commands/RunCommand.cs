using System.CommandLine;
using Procurator.Output;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator run</c>: evaluate, validate, and write <c>flake.nix</c> and <c>procurator.json</c>.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write flake.nix and procurator.json to (default: the script's folder)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the files on disk differ from what would be generated" };
        var templates = new Option<string?>("--templates") { Description = "Folder with Scriban templates that replace the built-in ones" };
        var force = new Option<bool>("--force") { Description = "Replace flake.nix or procurator.json even when Procurator did not write them" };
        var command = new Command("run", "Generate the master flake.nix and procurator.json from the workspace script") { output, check, templates, force };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            cli, common.Read(parse), parse.GetValue(output), parse.GetValue(check), parse.GetValue(templates), parse.GetValue(force), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ScriptRequest request, string? outputDirectory, bool check, string? templates, bool force, CancellationToken cancellationToken)
    {
        // 1. Load: evaluate, validate, resolve; errors are reported and nothing is written.
        var output = new CommandOutput(cli, request);
        // Always evaluated: a script may read the environment or files the model cache cannot see,
        // and a stale flake.nix would be silently wrong (graph, impact and plan may reuse it).
        var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, outputDirectory, cancellationToken);
        if (workspace is null)
        {
            return await output.FinishAsync(exitCode);
        }

        // 2. Render everything in memory first, and parse it.
        var publisher = new OutputPublisher(cli, output);
        var context = new OutputContext(workspace.Model, workspace.Layout, cli.CurrentDirectory, new TemplateSource(templates is null ? null : cli.FullPath(templates)));
        var timer = new Diagnostics.StepTimer();
        var (files, renderCode) = await publisher.RenderAsync(OutputTargets.Workspace, context, writes: true, timer);
        if (files is null)
        {
            return await output.FinishAsync(renderCode);
        }

        await output.VerboseAsync($"procurator: {timer}; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled by the JIT in all");
        var set = new OutputSet(workspace.Layout.OutputDirectory, files);

        // 3. Compare (--check) or write atomically.
        if (check)
        {
            var drifted = set.Drifted();
            foreach (var file in drifted)
            {
                await output.ProblemAsync($"{publisher.Shown(file)}: out of date; run `procurator run {request.Script}` to regenerate it");
            }

            if (drifted.Count == 0)
            {
                await output.MessageAsync("flake.nix and procurator.json are up to date");
            }

            output.Field("drifted", json => WriteNames(json, drifted.Select(publisher.Shown)));
            return await output.FinishAsync(drifted.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid);
        }

        // 4. Under the output folder's lock, so the files on disk always come from one run.
        return await output.FinishAsync(await publisher.WriteAsync(set, force, () => WrittenAsync(cli, output, workspace, set, publisher, cancellationToken), cancellationToken));
    }

    private static async Task WrittenAsync(
        CliContext cli, CommandOutput output, LoadedWorkspace workspace, OutputSet set, OutputPublisher publisher, CancellationToken cancellationToken)
    {
        var model = workspace.Model;
        await output.MessageAsync(
            $"wrote {Join(set.Files.Select(publisher.Shown).ToArray())}: " +
            $"{Count(model.Projects.Count, "project")}, {Count(model.Services.Count, "service")}, " +
            $"{Count(model.Externals.Count, "external")}, {Count(model.Shells.Count, "shell")}");
        output.Field("written", json => WriteNames(json, set.Files.Select(publisher.Shown)));

        // 5. Project flakes edited since flake.lock pinned them would be ignored by Nix: re-lock them.
        await LockRefresher.RefreshAsync(cli, output, set.Directory, cancellationToken);
    }

    private static void WriteNames(System.Text.Json.Utf8JsonWriter json, IEnumerable<string> names)
    {
        json.WriteStartArray();
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    // "a, b and c": every file written is named, so a user knows what to `git add`.
    private static string Join(string[] names) =>
        names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
