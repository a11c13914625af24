using System.CommandLine;
using Procurator.Diagnostics;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator run</c>: evaluate, validate, and write <c>flake.nix</c> and <c>procurator.json</c>.</summary>
internal static class RunCommand
{
    // Long enough for a slow `nix flake lock` of another run; a stuck one is said, not waited for ever.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

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

        // 2. Render everything in memory first.
        var model = workspace.Model;
        GeneratedFiles files;
        var timer = new Diagnostics.StepTimer();
        try
        {
            files = FlakeRenderer.Render(model, Path.GetFileName(workspace.Layout.ScriptPath), new TemplateSource(templates is null ? null : cli.FullPath(templates)), timer);
            await output.VerboseAsync($"procurator: {timer}; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled by the JIT in all");
        }
        catch (RenderingException exception)
        {
            await cli.Error.WriteLineAsync($"procurator: error: {exception.Message}; nothing was written");
            return await output.FinishAsync(ExitCodes.TemplateError);
        }

        // 3. Compare (--check) or write atomically.
        var directory = workspace.Layout.OutputDirectory;
        string Shown(string name) => Path.GetRelativePath(cli.CurrentDirectory, Path.Combine(directory, name));
        if (check)
        {
            var drifted = OutputWriter.Drifted(directory, files);
            foreach (var name in drifted)
            {
                await output.ProblemAsync($"{Shown(name)}: out of date; run `procurator run {request.Script}` to regenerate it");
            }

            if (drifted.Count == 0)
            {
                await output.MessageAsync("flake.nix and procurator.json are up to date");
            }

            output.Field("drifted", json => WriteNames(json, drifted.Select(Shown)));
            return await output.FinishAsync(drifted.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid);
        }

        // 4. Under the output folder's lock, so the pair on disk always comes from one run.
        var (held, timedOut) = await OutputLock.AcquireAsync(directory, LockTimeout, cancellationToken);
        if (timedOut)
        {
            await cli.Error.WriteLineAsync(
                $"procurator: error: another procurator run has been writing to {directory} for {LockTimeout.TotalSeconds:0} s; nothing was written");
            return await output.FinishAsync(ExitCodes.Invalid);
        }

        using (held)
        {
            return await WriteAsync(cli, output, workspace, files, directory, force, cancellationToken);
        }
    }

    private static async Task<int> WriteAsync(
        CliContext cli, CommandOutput output, LoadedWorkspace workspace, GeneratedFiles files, string directory, bool force, CancellationToken cancellationToken)
    {
        var model = workspace.Model;
        string Shown(string name) => Path.GetRelativePath(cli.CurrentDirectory, Path.Combine(directory, name));

        // Never replace a file a person wrote (a hand-written flake.nix) unless asked to.
        var foreign = force ? [] : files.All.Select(f => Path.Combine(directory, f.Name)).Where(p => !GeneratedMarker.MayReplace(p)).ToArray();
        if (foreign.Length > 0)
        {
            await output.DiagnosticsAsync(foreign.Select(path => Diagnostic.Error(
                ErrorCodes.NotGeneratedByProcurator, GeneratedMarker.Refusal(Shown(Path.GetFileName(path))), new SourceLocation(path, 1, 1))));
            return await output.FinishAsync(ExitCodes.Invalid);
        }

        OutputWriter.Write(directory, files);
        await output.MessageAsync(
            $"wrote {Join(files.All.Select(f => Shown(f.Name)).ToArray())}: " +
            $"{Count(model.Projects.Count, "project")}, {Count(model.Services.Count, "service")}, " +
            $"{Count(model.Externals.Count, "external")}, {Count(model.Shells.Count, "shell")}");
        output.Field("written", json => WriteNames(json, files.All.Select(f => Shown(f.Name))));

        // 5. Project flakes edited since flake.lock pinned them would be ignored by Nix: re-lock them.
        await LockRefresher.RefreshAsync(cli, output, directory, cancellationToken);
        return await output.FinishAsync(ExitCodes.Ok);
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
