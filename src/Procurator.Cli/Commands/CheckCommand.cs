using System.CommandLine;
using Procurator.Diagnostics;
using Procurator.Output;
using Procurator.Policies;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary>
/// <c>procurator check</c>: validation, then the workspace's policies, then drift of the
/// generated files, then <c>nix flake check</c>. Exit 0 clean, 1 any error, 2 script error.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext cli)
    {
        var common = new CommonOptions(withFormat: false);
        var format = new Option<OutputFormat>("--format") { Description = "text, json, or sarif (SARIF 2.1.0 for code-scanning tools)" };
        var noNix = new Option<bool>("--no-nix") { Description = "Skip `nix flake check`" };
        var overrides = new Option<string[]>("--override-input")
        {
            Description = "Passed to `nix flake check`: INPUT=FLAKEREF, e.g. nixpkgs=path:/src/nixpkgs (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("check", "Validate the workspace, apply its policies, and check that the generated files and the flake are sound")
        {
            format, noNix, overrides,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = common.Read(parse) with { Format = parse.GetValue(format) };
            var pairs = (parse.GetValue(overrides) ?? []).Select(o => o.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty)).ToArray();
            return await CheckAsync(cli, request, parse.GetValue(noNix), pairs, cancellationToken);
        });
        return command;
    }

    private static async Task<int> CheckAsync(CliContext cli, ScriptRequest request, bool noNix, (string, string)[] overrides, CancellationToken cancellationToken)
    {
        // 1. Validation: its errors stop here, as nothing after it can run on a broken model.
        var output = new CommandOutput(cli, request);
        var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, output, null, cancellationToken);
        if (workspace is null)
        {
            return await output.FinishAsync(exitCode);
        }

        // 2. Policies.
        await output.DiagnosticsAsync(PolicyRunner.Run(workspace.Model, workspace.Policies, workspace.TargetSites, new SourceLocator(), TimeSpan.FromSeconds(request.TimeoutSeconds)));

        // 3. Drift of flake.nix and procurator.json.
        var directory = workspace.Layout.OutputDirectory;
        var context = new OutputContext(workspace.Model, workspace.Layout, cli.CurrentDirectory, new TemplateSource(null));
        var (files, renderCode) = await new OutputPublisher(cli, output).RenderAsync(OutputTargets.Workspace, context, writes: false);
        if (files is null)
        {
            return await output.FinishAsync(renderCode);
        }

        var set = new OutputSet(directory, files);
        await output.DiagnosticsAsync(set.Drifted().Select(file => Diagnostic.Error(ErrorCodes.GeneratedFilesDrifted,
            $"{set.NameOf(file)} is out of date; run `procurator run {request.Script}` to regenerate it", new SourceLocation(file.Path, 1, 1))));

        // 4. nix flake check, when nix is here and the files are current.
        if (!noNix && !output.HasErrors)
        {
            await NixCheckAsync(output, directory, overrides, cancellationToken);
        }

        if (!output.HasErrors)
        {
            await output.MessageAsync($"{request.Script}: check passed");
        }

        return await output.FinishAsync(output.HasErrors ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    private static async Task NixCheckAsync(CommandOutput output, string directory, (string, string)[] overrides, CancellationToken cancellationToken)
    {
        if (NixFlakeCheck.FindNix() is not { } nix)
        {
            await output.MessageAsync("nix not found: `nix flake check` skipped (install nix, or pass --no-nix to say so)");
            return;
        }

        var (code, text) = await NixFlakeCheck.RunAsync(nix, directory, overrides, cancellationToken);
        if (code != 0)
        {
            var tail = string.Join(" | ", text.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).TakeLast(3));
            await output.DiagnosticsAsync([Diagnostic.Error(ErrorCodes.NixFlakeCheckFailed,
                $"nix flake check failed (exit {code}): {(tail.Length > 0 ? tail : text)}", new SourceLocation(Path.Combine(directory, "flake.nix"), 1, 1))]);
        }
    }
}
