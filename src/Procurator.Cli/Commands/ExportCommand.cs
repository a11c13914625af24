using System.CommandLine;
using Procurator.Output;
using Procurator.Output.Export;
using Procurator.Rendering;

namespace Procurator.Cli.Commands;

/// <summary>
/// <c>procurator export kubernetes|compose</c>: the workspace beyond one machine, as a folder
/// <c>kubectl apply -k</c> takes or a compose file. Rendered and parsed through the output seam
/// like every generated file; a file in the way that Procurator did not write is refused without
/// <c>--force</c>. Exit 0 written, 1 a problem of the workspace (a project without an image), 2 a script error.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Where <c>export kubernetes</c> writes without <c>-o</c>, relative to the workspace's output folder.</summary>
    public const string DefaultKubernetesDirectory = "deploy/kubernetes";

    /// <summary>Where <c>export compose</c> writes without <c>-o</c>, relative to the workspace's output folder.</summary>
    public const string DefaultComposeFile = "deploy/compose.yaml";

    public static Command Create(CliContext cli)
    {
        var kubernetes = Subcommand(cli, "kubernetes",
            "Write a Kubernetes folder for kubectl apply -k: a Deployment, Service and ConfigMap per project, a StatefulSet, PersistentVolumeClaim and Service per backing service",
            "Folder to write (default: deploy/kubernetes beside the generated flake)",
            (workspace, output) => OutputTargets.Kubernetes(output ?? Path.Combine(workspace, DefaultKubernetesDirectory)));
        var compose = Subcommand(cli, "compose",
            "Write a compose file for Docker or Podman: images, health checks, depends_on, env, ports and volumes",
            "File to write (default: deploy/compose.yaml beside the generated flake)",
            (workspace, output) => OutputTargets.Compose(output ?? Path.Combine(workspace, DefaultComposeFile)));
        return new Command("export", "Export the workspace for another runtime: Kubernetes or compose") { kubernetes, compose };
    }

    private static Command Subcommand(CliContext cli, string name, string description, string outputDescription, Func<string, string?, IReadOnlyList<IOutputTarget>> targets)
    {
        var common = new CommonOptions();
        var output = new Option<string?>("--output", "-o") { Description = outputDescription };
        var force = new Option<bool>("--force") { Description = "Replace files even when Procurator did not write them" };
        var command = new Command(name, description) { output, force };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = common.Read(parse);
            var commandOutput = new CommandOutput(cli, request);
            var (workspace, exitCode) = await LoadReporter.LoadAsync(cli, request, commandOutput, null, cancellationToken);
            if (workspace is null)
            {
                return await commandOutput.FinishAsync(exitCode);
            }

            var context = new OutputContext(workspace.Model, workspace.Layout, cli.CurrentDirectory, new TemplateSource(null)) { Sites = workspace.TargetSites };
            var given = parse.GetValue(output) is { } path ? cli.FullPath(path) : null;
            var chosen = targets(workspace.Layout.OutputDirectory, given);
            var publisher = new OutputPublisher(cli, commandOutput);
            var (files, renderCode) = await publisher.RenderAsync(chosen, context, writes: true);
            if (files is null)
            {
                return await commandOutput.FinishAsync(renderCode);
            }

            var set = new OutputSet(Path.GetDirectoryName(files[0].Path)!, files);
            var written = await publisher.WriteAsync(set, parse.GetValue(force), async () =>
            {
                await commandOutput.MessageAsync($"wrote {files.Count} file{(files.Count == 1 ? "" : "s")} to {Path.GetRelativePath(cli.CurrentDirectory, set.Directory)}");
                foreach (var project in workspace.Model.Projects)
                {
                    if (WorkloadImage.For(workspace.Model, project) is { } image)
                    {
                        await commandOutput.MessageAsync(image.BuiltByFlake
                            ? $"  {project.Name}: image {image.Reference}, built by `nix build .#{WorkloadImage.FlakePackage(project.Name)}`"
                            : $"  {project.Name}: image {image.Reference}");
                    }
                }
            }, cancellationToken);
            return await commandOutput.FinishAsync(written);
        });
        return command;
    }
}
