using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Procurator.Discovery;

/// <summary>
/// <c>package.json</c>: the package manager (the <c>packageManager</c> field wins, then the lockfile,
/// else npm), the node version (<c>.nvmrc</c>, <c>.node-version</c>, then <c>engines.node</c>),
/// workspaces (<c>workspaces</c>, <c>pnpm-workspace.yaml</c>), checks from scripts and processes
/// from <c>start</c>/<c>dev</c>.
/// </summary>
internal static class NodeProbe
{
    private static readonly (string File, string Manager)[] Lockfiles =
    [
        ("pnpm-lock.yaml", "pnpm"), ("yarn.lock", "yarn"), ("bun.lockb", "bun"), ("bun.lock", "bun"), ("package-lock.json", "npm"),
    ];

    public static void Probe(ProbeContext context)
    {
        if (!context.Has("package.json") || StructuredFiles.Json(context.Log, context.Project.File("package.json")) is not { } json
            || json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var project = context.Project;
        project.Language("node", "package.json");
        project.ManifestName ??= String(json, "name");

        // 1. The package manager: the packageManager field, a lockfile, else npm.
        if (String(json, "packageManager") is { } field)
        {
            var manager = field.Split('@')[0];
            project.UsePackageManager(manager, $" ({field})", project.File("package.json"), ManagerPackages(manager));
        }

        foreach (var (file, manager) in Lockfiles.Where(l => context.Has(l.File)))
        {
            project.UsePackageManager(manager, string.Empty, project.File(file), ManagerPackages(manager));
        }

        project.UsePackageManager("npm", " (no lockfile)", project.File("package.json"));

        // 2. The node version.
        var version = context.Has(".nvmrc") ? (context.FirstLine(".nvmrc"), ".nvmrc")
            : context.Has(".node-version") ? (context.FirstLine(".node-version"), ".node-version")
            : json.TryGetProperty("engines", out var engines) && String(engines, "node") is { } engine ? (engine, "package.json")
            : (null, "package.json");
        project.Toolchain("node", version.Item1, Toolchains.Node(version.Item1), project.File(version.Item2));

        // 3. Workspaces: "workspaces": [...] or { "packages": [...] }, and pnpm-workspace.yaml.
        var workspaces = json.TryGetProperty("workspaces", out var w) ? w : default;
        if (workspaces.ValueKind == JsonValueKind.Object && workspaces.TryGetProperty("packages", out var packages))
        {
            workspaces = packages;
        }

        if (workspaces.ValueKind == JsonValueKind.Array)
        {
            project.MemberGlobs.AddRange(workspaces.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => ("node", e.GetString()!)));
        }

        if (context.Has("pnpm-workspace.yaml") && StructuredFiles.Yaml(context.Log, project.File("pnpm-workspace.yaml")) is YamlMappingNode pnpm
            && pnpm.Children.TryGetValue(new YamlScalarNode("packages"), out var list) && list is YamlSequenceNode globs)
        {
            project.MemberGlobs.AddRange(globs.OfType<YamlScalarNode>().Where(g => g.Value is not null).Select(g => ("node", g.Value!)));
        }

        // 4. Scripts: checks by name, processes from start and dev.
        if (json.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object)
        {
            var manager = project.PackageManager ?? "npm";
            foreach (var script in scripts.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                if (CheckNames.IsCheck(script.Name))
                {
                    project.Check(CheckNames.Normalize(script.Name), Run(manager, script.Name), context.Source("package.json"), " (package.json script)");
                }
                else if (script.Name is "start" or "dev")
                {
                    project.Process(script.Name, Run(manager, script.Name), context.Source("package.json"));
                }
            }
        }
    }

    /// <summary>How a package manager runs a script: <c>npm test</c>, <c>pnpm run lint</c>, <c>bun run test</c> (bun test is bun's own runner).</summary>
    public static string Run(string manager, string script) => (manager, script) switch
    {
        ("bun", _) => $"bun run {script}",
        (_, "test" or "start") => $"{manager} {script}",
        _ => $"{manager} run {script}",
    };

    private static string[] ManagerPackages(string manager) => manager switch
    {
        "pnpm" or "yarn" or "bun" => [manager],
        _ => [],
    };

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
