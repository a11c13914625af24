using Procurator.Connections;
using Procurator.Graph;
using Procurator.Graph.Formats;
using Procurator.Model;
using Procurator.Nix;
using Scriban.Runtime;

namespace Procurator.Rendering;

/// <summary>
/// What the flake template sees. Every user-derived value in it is already Nix source
/// made by <see cref="NixWriter"/>, so a template can place values but never inject them.
/// </summary>
internal static class FlakeViewModel
{
    public static ScriptObject Create(WorkspaceModel model, string scriptName)
    {
        var projects = model.Projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var externals = model.Externals.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var connections = ConnectionEnv.Local(model);
        return new ScriptObject
        {
            ["script"] = Comment(scriptName),
            ["description"] = NixWriter.String(model.Description ?? $"{model.Name}: a Procurator workspace"),
            ["nixpkgs"] = NixWriter.String(model.Nixpkgs),
            ["systems"] = NixWriter.List(model.Systems.Select(NixWriter.String)),
            ["procurator"] = model.ProcuratorFlake is { } procurator ? NixWriter.String(procurator) : null,
            ["inputs"] = Inputs(model),
            ["shells"] = model.Projects.Select(p => ProjectShell(p, connections))
                .Concat(model.Shells.Select(s => ComposedShell(s, projects, externals)))
                .ToArray(),
            ["images"] = Images(model),
            ["apps"] = model.Projects.SelectMany(p => p.Processes.Select(process => App(p, process, connections)))
                .Concat(ServiceManagerApps.Commands.Select(c => ServiceManagerApps.App(c, model)))
                .ToArray(),
        };
    }

    /// <summary>
    /// <c>nix run .#visualize</c>: writes the html page of the dependency graph to a new
    /// temporary file and opens it (<c>xdg-open</c>, <c>open</c> on macOS), or prints the
    /// file's path when there is no opener; <c>-- --format html|mermaid|dot|json</c> prints the
    /// graph instead. Every format is rendered now and embedded, so the app needs nothing but a
    /// shell and <c>mktemp</c>. The flake reads it from <see cref="Output.Targets.Visualize.VisualizeTarget"/> beside it:
    /// embedded as Nix strings it was most of a big workspace's flake (33 of 47 MB at 10,000 projects).
    /// </summary>
    internal static IEnumerable<string> VisualizeScript(WorkspaceGraph graph, WorkspaceModel model)
    {
        const string usage = "usage: nix run .#visualize -- [--format html|mermaid|dot|json] (without --format: opens the html page)";
        return
        [
            "set -eu",
            "format=",
            "open=yes",
            "while [ $# -gt 0 ]; do",
            "  case \"$1\" in",
            "    --format) format=\"${2:-}\"; open=; shift 2 || shift ;;",
            "    --format=*) format=\"${1#--format=}\"; open=; shift ;;",
            $"    -h|--help) echo {ShellQuote.Single(usage)}; exit 0 ;;",
            $"    *) echo {ShellQuote.Single(usage)} >&2; exit 64 ;;",
            "  esac",
            "done",
            // One copy of the page, for both the file and --format html.
            $"page() {{ printf '%s' {ShellQuote.Single(HtmlWriter.Write(graph, model))}; }}",
            "if [ -n \"$open\" ]; then",
            "  file=\"$(mktemp -d \"${TMPDIR:-/tmp}/visualize.XXXXXX\")/graph.html\"",
            "  page > \"$file\"",
            // On Linux `open` is openvt, so it is only the opener on macOS.
            "  case \"$(uname -s)\" in Darwin) opener=open ;; *) opener=xdg-open ;; esac",
            "  if command -v \"$opener\" >/dev/null 2>&1; then echo \"visualize: opening $file\" >&2; exec \"$opener\" \"$file\"; fi",
            "  printf '%s\\n' \"$file\"",
            "  exit 0",
            "fi",
            "case \"$format\" in",
            "  html) page ;;",
            $"  mermaid) printf '%s' {ShellQuote.Single(MermaidWriter.Write(graph))} ;;",
            $"  dot) printf '%s' {ShellQuote.Single(DotWriter.Write(graph))} ;;",
            $"  json) printf '%s\\n' {ShellQuote.Single(GraphJson.Write(graph, indented: false).TrimEnd())} ;;",
            $"  *) echo \"visualize: unknown format '$format'\" >&2; echo {ShellQuote.Single(usage)} >&2; exit 64 ;;",
            "esac",
        ];
    }

    /// <summary>
    /// <c>packages.&lt;system&gt;.&lt;project&gt;-image</c> for every project an export deploys from the
    /// flake (no <c>.Image</c>, a flake of its own): its flake's default package and busybox (for
    /// <c>/bin/sh</c>, and <c>nc</c>/<c>wget</c> of the compose health checks), its first long-running
    /// process as the command, else the package's main program; named as <see cref="Output.Export.WorkloadImage"/> says.
    /// </summary>
    private static ScriptObject[] Images(WorkspaceModel model)
    {
        var images = new List<ScriptObject>();
        foreach (var project in model.Projects)
        {
            if (Output.Export.WorkloadImage.For(model, project) is not { BuiltByFlake: true } || project.FlakeInput is not { } input)
            {
                continue;
            }

            var package = $"({NixWriter.Select("inputs", [input])}.packages.${{system}}.default or null)";
            var process = project.Processes.FirstOrDefault(p => !p.OneShot);
            images.Add(new ScriptObject
            {
                ["attr"] = NixWriter.AttrName(Output.Export.WorkloadImage.FlakePackage(project.Name)),
                ["name"] = NixWriter.String(Output.Export.WorkloadImage.FlakeRepository(model.Name, project.Name)),
                ["tag"] = NixWriter.String(Output.Export.WorkloadImage.FlakeTag),
                ["package"] = package,
                ["cmd"] = process is null
                    ? $"[ (nixpkgs.lib.getExe {package}) ]"
                    : NixWriter.List([NixWriter.String("/bin/sh"), NixWriter.String("-c"), NixWriter.String(process.Command)]),
                ["ports"] = ExposedPorts(project.Ports),
            });
        }

        return images.ToArray();
    }

    /// <summary><c>{ "8080/tcp" = { }; }</c>; a loop, not LINQ over ints (see "Warm runs" in docs/ARCHITECTURE.md).</summary>
    private static string ExposedPorts(IReadOnlyList<int> ports)
    {
        var text = new System.Text.StringBuilder("{ ");
        foreach (var port in ports)
        {
            text.Append(NixWriter.String(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{port}/tcp"))).Append(" = { }; ");
        }

        return text.Append('}').ToString();
    }

    private static ScriptObject[] Inputs(WorkspaceModel model) =>
        model.Projects.Where(p => p.FlakeInput is not null)
            .Select(p => new Input(p.FlakeInput!, "path:" + p.Path))
            .Concat(model.Externals.Select(e => new Input(e.Name, e.FlakeRef)))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => new ScriptObject { ["attr"] = NixWriter.AttrName(i.Name), ["url"] = NixWriter.String(i.Url) })
            .ToArray();

    /// <summary>A project's own shell: its flake's shell, its packages, the env its processes get under <c>up</c>.</summary>
    private static ScriptObject ProjectShell(ProjectModel project, ConnectionEnv connections) => Shell(
        project.Name,
        project.Description,
        project.FlakeInput is { } input ? [input] : [],
        project.Packages,
        [.. Exports(connections.For(project)), .. SecretShellLines.ShellNotes(project)]);

    /// <summary>A composed shell: its projects' flake shells and packages, env vars namespaced.</summary>
    private static ScriptObject ComposedShell(ShellModel shell, Dictionary<string, ProjectModel> projects, HashSet<string> externals)
    {
        var members = shell.Projects.Where(projects.ContainsKey).Select(p => projects[p]).ToArray();
        var inputs = shell.Projects
            .Select(name => projects.TryGetValue(name, out var p) ? p.FlakeInput : externals.Contains(name) ? name : null)
            .OfType<string>();
        return Shell(
            shell.Name,
            null,
            inputs,
            members.SelectMany(p => p.Packages).Distinct().Order(StringComparer.Ordinal),
            Exports(shell.Env));
    }

    private static ScriptObject Shell(string name, string? description, IEnumerable<string> inputs, IEnumerable<string> packages, IEnumerable<string> exports) => new()
    {
        ["attr"] = NixWriter.AttrName(name),
        ["name"] = NixWriter.String(name),
        ["description"] = description is null ? null : NixWriter.String(description),
        ["inputs_from"] = NixWriter.List(inputs.Select(i => $"(shellOf system {NixWriter.Select("inputs", [i])})")),
        ["packages"] = NixWriter.List(packages.Select(p => NixWriter.Select("pkgs", p.Split('.')))),
        ["exports"] = exports.Select(NixWriter.String).ToArray(),
    };

    /// <summary><c>nix run .#PROJECT-PROCESS</c>: the process in its project folder with the project's env.</summary>
    private static ScriptObject App(ProjectModel project, ProcessModel process, ConnectionEnv connections)
    {
        var name = $"{project.Name}-{process.Name}";
        string[] script =
        [
            "set -eu",
            $"if [ ! -d {ShellQuote.Single(project.Path)} ]; then echo {ShellQuote.Single($"{name}: run this from the workspace root (no {project.Path} here)")} >&2; exit 1; fi",
            $"cd {ShellQuote.Single(project.Path)}",
            .. Exports(connections.For(project)),
            .. SecretShellLines.AppChecks(project, name),
            process.Command,
        ];
        return new ScriptObject
        {
            ["attr"] = NixWriter.AttrName(name),
            ["name"] = NixWriter.String(name),
            ["comment"] = Comment($"nix run .#{name}: process '{process.Name}' of project '{project.Name}'"),
            ["script"] = script.Select(NixWriter.String).ToArray(),
        };
    }

    /// <summary>The shell lines that export <paramref name="env"/>, as written.</summary>
    private static List<string> Exports(IReadOnlyDictionary<string, string> env)
    {
        // A loop, not LINQ over the pairs (see "Warm runs" in docs/ARCHITECTURE.md).
        var lines = new List<string>(env.Count);
        foreach (var (key, value) in env)
        {
            lines.Add(ShellQuote.Export(key, value));
        }

        return lines;
    }

    /// <summary>Text for a <c>#</c> comment: one line, whatever the input.</summary>
    private static string Comment(string text) => text.ReplaceLineEndings(" ");

    /// <summary>A flake input; a class, not a value tuple, for the same reason as <see cref="Exports"/>.</summary>
    private sealed record Input(string Name, string Url);
}
