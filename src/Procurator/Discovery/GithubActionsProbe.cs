using System.Globalization;
using System.Text.RegularExpressions;
using Procurator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Procurator.Discovery;

/// <summary>A job of a workflow: its service containers, and the folders (relative to the repository) its checks and run steps work in.</summary>
internal sealed record WorkflowJob(IReadOnlyList<DiscoveredService> Services, IReadOnlyList<(string Name, string Command, string Directory, SourceRef Source)> Checks, IReadOnlyList<string> Directories);

/// <summary>
/// Reads <c>.github/workflows/*.yml</c>: <c>jobs.*.services</c> (image, env, ports, health options)
/// and checks from <c>run:</c> steps (see <see cref="RunCommands"/>). <c>${{ … }}</c> expressions
/// are never evaluated: values keep them as text, with a warning (<c>PRO043</c>) at their position.
/// </summary>
internal static partial class GithubActionsProbe
{
    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Expression();

    public static IReadOnlyList<WorkflowJob> Read(DiscoveryLog log, string relativeFile)
    {
        if (StructuredFiles.Yaml(log, relativeFile) is not YamlMappingNode root || Child(root, "jobs") is not YamlMappingNode jobs)
        {
            return [];
        }

        var text = IO.BoundedFile.ReadAllText(Path.Combine(log.Root, relativeFile));
        var reader = new Reader(log, relativeFile, text);
        var defaultDirectory = WorkingDirectory(root);
        return jobs.Children.Where(j => j.Value is YamlMappingNode).Select(j => reader.Job((YamlMappingNode)j.Value, defaultDirectory)).ToArray();
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode { Value: { } value } ? value : null;

    /// <summary><c>defaults.run.working-directory</c> of a workflow or a job.</summary>
    private static string? WorkingDirectory(YamlMappingNode node) =>
        Child(node, "defaults") is YamlMappingNode defaults && Child(defaults, "run") is YamlMappingNode run ? Scalar(run, "working-directory") : null;

    private sealed class Reader(DiscoveryLog log, string file, string text)
    {
        public WorkflowJob Job(YamlMappingNode job, string? workflowDirectory)
        {
            var jobDirectory = WorkingDirectory(job) ?? workflowDirectory ?? ".";
            var services = Child(job, "services") is YamlMappingNode map
                ? map.Children.Where(s => s.Key is YamlScalarNode && s.Value is YamlMappingNode)
                    .Select(s => Service((YamlScalarNode)s.Key, (YamlMappingNode)s.Value)).OfType<DiscoveredService>().ToArray()
                : [];

            var checks = new List<(string, string, string, SourceRef)>();
            var directories = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var step in (Child(job, "steps") as YamlSequenceNode)?.OfType<YamlMappingNode>() ?? [])
            {
                if (Child(step, "run") is not YamlScalarNode { Value: { } script } run)
                {
                    continue;
                }

                var stepDirectory = Scalar(step, "working-directory") ?? jobDirectory;
                if (stepDirectory.Contains("${{", StringComparison.Ordinal))
                {
                    continue; // a folder chosen by an expression (a matrix): not known here
                }

                var directory = RunCommands.Combine(".", stepDirectory);
                directories.Add(directory);
                var firstLine = (int)run.Start.Line + (run.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded ? 1 : 0);
                foreach (var (name, command, relative, offset) in RunCommands.Checks(script))
                {
                    var folder = RunCommands.Combine(directory, relative);
                    directories.Add(folder);
                    checks.Add((name, command, folder, new SourceRef(file, firstLine + offset)));
                }
            }

            return new WorkflowJob(services, checks, directories.ToArray());
        }

        private DiscoveredService? Service(YamlScalarNode key, YamlMappingNode service)
        {
            var name = key.Value ?? string.Empty;
            var imageNode = Child(service, "image") as YamlScalarNode;
            if (imageNode?.Value is not { Length: > 0 } image)
            {
                log.Warning(ErrorCodes.DiscoveryIgnored, $"service container '{name}' has no image; it is left out", file, (int)key.Start.Line, (int)key.Start.Column);
                return null;
            }

            Flag(imageNode);
            // One parser for image references: the compose importer's. An image that is an
            // expression (`${{ matrix.image }}`) has no kind or version.
            var reference = Compose.ImageReference.TryParse(image.Trim());
            var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (Child(service, "env") is YamlMappingNode envMap)
            {
                foreach (var (k, v) in envMap.Children)
                {
                    if (k is YamlScalarNode { Value: { } envKey } && v is YamlScalarNode value)
                    {
                        Flag(value);
                        env[envKey] = value.Value ?? string.Empty;
                    }
                }
            }

            var ports = new List<int>();
            foreach (var port in (Child(service, "ports") as YamlSequenceNode)?.OfType<YamlScalarNode>() ?? [])
            {
                Flag(port);
                if (HostPort(port.Value) is { } host)
                {
                    ports.Add(host);
                }
            }

            DiscoveredHealthCheck? health = null;
            if (Child(service, "options") is YamlScalarNode { Value: { } options } optionsNode)
            {
                Flag(optionsNode);
                health = DockerOptions.HealthCheck(options);
            }

            return new DiscoveredService(name, reference is null ? null : Compose.ServiceKindMap.KindOf(reference), image,
                reference is null || image.Contains("${{", StringComparison.Ordinal) ? null : Compose.ServiceKindMap.VersionOf(reference), ports, env, health, [], new SourceRef(file, (int)key.Start.Line));
        }

        /// <summary><c>5432:5432</c>, <c>127.0.0.1:8080:80</c>, <c>5432/tcp</c> → the port on the host (the container port when none is published).</summary>
        private static int? HostPort(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var parts = value.Split('/')[0].Split(':');
            var host = parts.Length >= 2 ? parts[^2] : parts[^1];
            return int.TryParse(host.Length > 0 ? host : parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
        }

        /// <summary>A warning for each <c>${{ … }}</c> in a value that is kept, at the expression's own line and column.</summary>
        private void Flag(YamlScalarNode node)
        {
            if (node.Value is null || !node.Value.Contains("${{", StringComparison.Ordinal))
            {
                return;
            }

            var from = (int)Math.Min(node.Start.Index, text.Length);
            var to = (int)Math.Min(node.End.Index, text.Length);
            foreach (Match expression in Expression().Matches(text[from..to]))
            {
                var offset = from + expression.Index;
                var line = 1 + text.AsSpan(0, offset).Count('\n');
                var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
                var column = offset - lineStart + 1;
                log.Warning(ErrorCodes.ExpressionKeptAsText, $"expression {expression.Value} kept as text", file, line, column);
            }
        }
    }
}
