using System.Globalization;
using Procurator.Nix;
using Procurator.Rendering;
using Scriban;
using Scriban.Runtime;

namespace Procurator.Discovery;

/// <summary>
/// What <c>procurator init</c> writes from a scan, as text: a project <c>flake.nix</c> when the
/// folder is one project, else a <c>procurator.csx</c> declaring every project and service. Every
/// value reaches Nix through <see cref="NixWriter"/> and C# through <see cref="CSharpLiteral"/>.
/// </summary>
internal static class StarterFiles
{
    public const string ScriptName = "procurator.csx";
    public const string FlakeName = "flake.nix";

    public static IReadOnlyList<(string Name, string Content)> For(ScanResult scan, TemplateSource templates) =>
        scan.Projects.Count == 0 ? []
        : scan.IsSingleProject ? [(FlakeName, GeneratedFileCheck.Nix(FlakeName, ProjectFlake(scan, templates)))]
        : [(ScriptName, Script(scan, templates))];

    public static string Script(ScanResult scan, TemplateSource templates)
    {
        var lines = new List<string>();
        foreach (var service in scan.Services)
        {
            lines.Add(string.Empty);
            lines.Add($"// {CSharpLiteral.Comment($"service {service.Name}: from {service.Source}")}");
            var head = $"Service({CSharpLiteral.String(service.Name)})";
            if (service.Kind is { } kind && kind != service.Name)
            {
                head += $".Kind({CSharpLiteral.String(kind)})";
            }

            if (service.Version is { } version)
            {
                head += $".Version({CSharpLiteral.String(version)})";
            }

            if (service.Ports.Count > 0)
            {
                head += $".Port({CSharpLiteral.Int(service.Ports[0])})";
            }

            var calls = service.Env.Select(e => (StarterCall)$".Env({CSharpLiteral.String(e.Key)}, {CSharpLiteral.String(e.Value)})").ToList();
            if (HealthCheck(service.HealthCheck) is { } health)
            {
                calls.Add(health);
            }

            Declaration(lines, head, calls);
        }

        foreach (var project in scan.Projects)
        {
            lines.Add(string.Empty);
            var about = string.Join(", ", project.Languages.Append(project.PackageManager).OfType<string>());
            if (project.Members.Count > 0)
            {
                about += $"; members {string.Join(", ", project.Members)}";
            }

            lines.Add($"// {CSharpLiteral.Comment($"{project.Path}: {about}")}");
            var path = project.Path == "." ? "." : $"./{project.Path}";
            var calls = new List<StarterCall>();
            if (project.Packages.Count > 0)
            {
                calls.Add($".Packages({string.Join(", ", project.Packages.Select(CSharpLiteral.String))})");
            }

            calls.AddRange(project.Ports.Select(p => (StarterCall)$".Port({CSharpLiteral.Int(p)})"));
            calls.AddRange(project.Env.Select(e => (StarterCall)$".Env({CSharpLiteral.String(e.Key)}, {CSharpLiteral.String(e.Value)})"));
            if (project.DependsOn.Count > 0)
            {
                calls.Add($".DependsOn({string.Join(", ", project.DependsOn.Select(CSharpLiteral.String))})");
            }

            calls.AddRange(project.Checks.Select(c => (StarterCall)$".Check({CSharpLiteral.String(c.Name)}, {CSharpLiteral.String(c.Command)})"));
            calls.AddRange(project.Processes.Select(p => (StarterCall)$".Process({CSharpLiteral.String(p.Name)}, {CSharpLiteral.String(p.Command)})"));
            Declaration(lines, $"Project({CSharpLiteral.String(project.Name)}, {CSharpLiteral.String(path)})", calls);
        }

        return Render(templates, "procurator.csx.scriban", new ScriptObject
        {
            ["folder"] = CSharpLiteral.Comment(Path.GetFileName(scan.Root)),
            ["lines"] = lines.ToArray(),
        });
    }

    public static string ProjectFlake(ScanResult scan, TemplateSource templates)
    {
        var project = scan.Projects[0];
        string Attr(string name) => NixWriter.AttrName(name);
        return Render(templates, "project-flake.nix.scriban", new ScriptObject
        {
            ["description"] = NixWriter.String($"{project.Name}: {string.Join(", ", project.Languages)} (written by procurator init)"),
            ["name"] = NixWriter.String(project.Name),
            ["toolchain_name"] = NixWriter.String($"{project.Name}-toolchain"),
            ["toolchain_comment"] = project.Toolchains.Count == 0 ? "nothing" : string.Join(", ", project.Toolchains.Select(t => t.Version is null ? t.Language : $"{t.Language} {t.Version}")).ReplaceLineEndings(" "),
            ["packages"] = NixWriter.List(project.Packages.Select(p => NixWriter.Select("pkgs", p.Split('.')))),
            ["package_names"] = NixWriter.List(project.Packages.Select(NixWriter.String)),
            ["checks"] = project.Checks.Select(c => new ScriptObject
            {
                ["attr"] = Attr(c.Name),
                ["command"] = NixWriter.String(c.Command),
                ["derivation"] = NixWriter.String($"{project.Name}-{c.Name}"),
            }).ToArray(),
            ["processes"] = project.Processes.Select(p => new ScriptObject { ["attr"] = Attr(p.Name), ["command"] = NixWriter.String(p.Command) }).ToArray(),
            ["ports"] = NixWriter.List(project.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture))),
            ["services"] = scan.Services.Select(s => new ScriptObject
            {
                ["attr"] = Attr(s.Name),
                ["kind"] = s.Kind is null ? "null" : NixWriter.String(s.Kind),
                ["version"] = s.Version is null ? "null" : NixWriter.String(s.Version),
                ["port"] = s.Ports.Count == 0 ? "null" : s.Ports[0].ToString(CultureInfo.InvariantCulture),
            }).ToArray(),
        });
    }

    private static StarterCall? HealthCheck(DiscoveredHealthCheck? check)
    {
        var call = check switch
        {
            { Type: "exec", Command: { } command } => $".HealthCheck(Exec({CSharpLiteral.String(command)}))",
            { Type: "tcp", Port: { } port } => $".HealthCheck(Tcp({CSharpLiteral.Int(port)}))",
            { Type: "http", Url: { } url } => $".HealthCheck(Http({CSharpLiteral.String(url)}))",
            _ => null,
        };
        var timing = new[]
        {
            check?.Interval is { } interval ? $"interval {interval}" : null,
            check?.Timeout is { } timeout ? $"timeout {timeout}" : null,
            check?.Retries is { } retries ? $"retries {CSharpLiteral.Int(retries)}" : null,
        }.OfType<string>().ToArray();
        return call is null ? null : new StarterCall(call, timing.Length == 0 ? null : CSharpLiteral.Comment(string.Join(", ", timing)));
    }

    /// <summary>The head and its calls, one per line, the last ended by <c>;</c>; a call's comment ends its line.</summary>
    private static void Declaration(List<string> lines, string head, IReadOnlyList<StarterCall> calls)
    {
        if (calls.Count == 0)
        {
            lines.Add(head + ";");
            return;
        }

        lines.Add(head);
        for (var i = 0; i < calls.Count; i++)
        {
            var end = i == calls.Count - 1 ? ";" : string.Empty;
            var comment = calls[i].Comment is { } text ? " // " + text : string.Empty;
            lines.Add("    " + calls[i].Code + end + comment);
        }
    }

    private static string Render(TemplateSource templates, string name, ScriptObject view) => templates.Render(name, view);
}
