using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Procurator.Discovery;

/// <summary>
/// Checks from task runners: <c>Makefile</c> targets, <c>justfile</c> recipes and
/// <c>Taskfile.yml</c> tasks named test, lint, check, fmt, format or typecheck; ports from a
/// <c>Dockerfile</c>'s <c>EXPOSE</c>; processes from a <c>Procfile</c>.
/// </summary>
internal static partial class TaskRunnerProbe
{
    [GeneratedRegex(@"^([A-Za-z0-9_.-]+)\s*:(?![=:])", RegexOptions.CultureInvariant)]
    private static partial Regex MakeTarget();

    [GeneratedRegex(@"^@?([A-Za-z0-9_-]+)(?:\s+[^:=]*)?:(?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex JustRecipe();

    [GeneratedRegex(@"^\s*EXPOSE\s+(.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Expose();

    [GeneratedRegex(@"^([A-Za-z0-9_-]+):\s*(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcfileLine();

    public static void Probe(ProbeContext context)
    {
        var project = context.Project;
        foreach (var makefile in new[] { "Makefile", "GNUmakefile", "makefile" }.Where(context.Has).Take(1))
        {
            Lines(context, makefile, MakeTarget(), target => $"make {target}");
        }

        foreach (var justfile in new[] { "justfile", "Justfile", ".justfile" }.Where(context.Has).Take(1))
        {
            Lines(context, justfile, JustRecipe(), recipe => $"just {recipe}");
        }

        foreach (var taskfile in new[] { "Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "taskfile.yaml" }.Where(context.Has).Take(1))
        {
            if (StructuredFiles.Yaml(context.Log, project.File(taskfile)) is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("tasks"), out var tasks) && tasks is YamlMappingNode taskMap)
            {
                foreach (var (key, _) in taskMap.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && CheckNames.IsCheck(name))
                    {
                        project.Check(CheckNames.Normalize(name), $"task {name}", context.Source(taskfile, (int)key.Start.Line), $" ({taskfile} task)");
                    }
                }
            }
        }

        if (context.Has("Dockerfile"))
        {
            var lines = context.Read("Dockerfile").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Expose().Match(lines[i]) is { Success: true } expose)
                {
                    foreach (var word in expose.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (int.TryParse(word.Split('/')[0], out var port))
                        {
                            project.Port(port, context.Source("Dockerfile", i + 1));
                        }
                    }
                }
            }
        }

        if (context.Has("Procfile"))
        {
            var lines = context.Read("Procfile").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (ProcfileLine().Match(lines[i].TrimEnd('\r')) is { Success: true } process)
                {
                    project.Process(CheckNames.Normalize(process.Groups[1].Value), process.Groups[2].Value.Trim(), context.Source("Procfile", i + 1));
                }
            }
        }
    }

    private static void Lines(ProbeContext context, string file, Regex pattern, Func<string, string> command)
    {
        var lines = context.Read(file).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (pattern.Match(lines[i]) is { Success: true } match && CheckNames.IsCheck(match.Groups[1].Value))
            {
                var name = match.Groups[1].Value;
                context.Project.Check(CheckNames.Normalize(name), command(name), context.Source(file, i + 1), $" ({file} target)");
            }
        }
    }
}
