using Procurator.Diagnostics;
using Procurator.Discovery;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary><c>procurator init [DIR]</c> without <c>--editor</c>: scan, print the findings, write the starter files.</summary>
internal static class InitScanCommand
{
    public static async Task<int> ScanAsync(CliContext cli, string directory, bool force, bool dryRun)
    {
        var folder = cli.FullPath(directory);
        if (!Directory.Exists(folder))
        {
            await cli.Error.WriteLineAsync($"procurator: {directory}: no such folder");
            return ExitCodes.Usage;
        }

        // 1. Scan, and say what was found and why, one fact a line.
        var scan = new RepositoryScanner(cli.ComposeServices).Scan(folder);
        foreach (var finding in scan.Findings)
        {
            await cli.Out.WriteLineAsync(finding.ToString());
        }

        foreach (var diagnostic in scan.Diagnostics)
        {
            await cli.Error.WriteLineAsync(DiagnosticFormatter.Format(diagnostic, folder));
        }

        if (scan.HasErrors)
        {
            await cli.Error.WriteLineAsync("nothing written: fix the files above, then run init again");
            return ExitCodes.Invalid;
        }

        if (scan.Projects.Count == 0)
        {
            await cli.Error.WriteLineAsync($"{Shown(cli, folder, ".")}: no projects found (no Cargo.toml, package.json, pyproject.toml, go.mod, *.csproj, pom.xml, build.gradle, Gemfile or composer.json); nothing written");
            return ExitCodes.Invalid;
        }

        // 2. Render; identical files are fine, other content is only replaced with --force.
        IReadOnlyList<(string Name, string Content)> files;
        try
        {
            files = StarterFiles.For(scan, new TemplateSource(null));
        }
        catch (RenderingException exception)
        {
            await cli.Error.WriteLineAsync($"procurator: error: {exception.Message}; nothing was written");
            return ExitCodes.TemplateError;
        }

        var changed = files.Where(f => !OutputWriter.IsOnDisk(Path.Combine(folder, f.Name), f.Content)).ToArray();
        var conflicts = changed.Where(f => File.Exists(Path.Combine(folder, f.Name))).ToArray();
        if (conflicts.Length > 0 && !force)
        {
            foreach (var (name, _) in conflicts)
            {
                await cli.Error.WriteLineAsync($"{Shown(cli, folder, name)}: exists; use --force to overwrite");
            }

            return ExitCodes.Invalid;
        }

        // 3. Write what changed, all or nothing.
        if (!dryRun)
        {
            OutputWriter.Write(folder, changed);
        }

        foreach (var (name, _) in files)
        {
            var wrote = changed.Any(f => f.Name == name);
            var verb = dryRun ? "would write" : "wrote";
            await cli.Out.WriteLineAsync(wrote ? $"{verb} {Shown(cli, folder, name)}" : $"{Shown(cli, folder, name)}: up to date");
        }

        return ExitCodes.Ok;
    }

    private static string Shown(CliContext cli, string folder, string name) =>
        Path.GetRelativePath(cli.CurrentDirectory, Path.Combine(folder, name));
}
