using System.Text;
using System.Text.RegularExpressions;
using Procurator.Discovery;
using Procurator.Model;

namespace Procurator.Compose;

/// <summary>
/// A starter <c>procurator.csx</c> from imported services: an image service becomes
/// <c>Service(name)</c> (with its kind when Procurator knows the image), a service that is
/// built becomes <c>Project(name, context)</c>. Names are made valid Procurator names, ports
/// and env vars that would not validate are left out with a comment saying why, and every
/// string is a C# literal, so the script runs as written.
/// </summary>
internal sealed partial class ComposeCsxWriter
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvKeyPattern();

    private readonly ComposeProject _project;
    private readonly string _composeDirectory;
    private readonly string _scriptDirectory;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _ports = [];
    private readonly HashSet<string> _namespacedEnv = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();

    private ComposeCsxWriter(ComposeProject project, string scriptDirectory)
    {
        _project = project;
        _composeDirectory = Path.GetDirectoryName(project.File) ?? ".";
        _scriptDirectory = scriptDirectory;
    }

    /// <summary>The script text; project paths are written relative to <paramref name="scriptDirectory"/>, where the script will live.</summary>
    public static string Write(ComposeProject project, string scriptDirectory) => new ComposeCsxWriter(project, scriptDirectory).Write();

    private string Write()
    {
        var services = _project.Services.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        foreach (var service in services)
        {
            _names[service.Name] = UniqueName(service.Name);
        }

        Line($"// Imported from {CSharpLiteral.Comment(Path.GetFileName(_project.File))} by `procurator import compose`: a starting point, review it.");
        Line("// Services that are built became projects; services that only run an image became services.");
        foreach (var service in services)
        {
            Line();
            if (service.Build is not null)
            {
                WriteProject(service);
            }
            else
            {
                WriteService(service);
            }
        }

        return _text.ToString();
    }

    private void WriteProject(ComposeService service)
    {
        var name = _names[service.Name];
        var verbs = new List<string>();
        var comments = new List<string>();
        NoteRename(service, comments);
        var path = ProjectPath(service.Build!, comments);
        foreach (var dependency in service.DependsOn)
        {
            verbs.Add($"DependsOn({CSharpLiteral.String(_names[dependency.Name])})");
            if (dependency.Condition != ComposeDependency.Started || !dependency.Required)
            {
                comments.Add($"depends on {dependency.Name}: {dependency.Condition}{(dependency.Required ? string.Empty : ", not required")}");
            }
        }

        foreach (var port in PortsOf(service).Distinct())
        {
            if (Claim(port, $"project '{name}'", comments))
            {
                verbs.Add($"Port({port})");
            }
        }

        verbs.AddRange(EnvVerbs(service, name, isProject: true, comments));
        verbs.AddRange(HealthCheckVerb(service, comments));
        Statement(comments, $"Project({CSharpLiteral.String(name)}{(path is null ? string.Empty : ", " + CSharpLiteral.String(path))})", verbs);
    }

    private void WriteService(ComposeService service)
    {
        var name = _names[service.Name];
        var verbs = new List<string>();
        var comments = new List<string>();
        NoteRename(service, comments);
        var image = service.Image!;
        var kind = ServiceKindMap.KindOf(image);
        comments.Add(kind is null ? $"image {image.Text}: not a kind Procurator knows" : $"image {image.Text}");
        if (kind is not null && kind != name)
        {
            verbs.Add($"Kind({CSharpLiteral.String(kind)})");
        }

        if (ServiceKindMap.VersionOf(image) is { } version)
        {
            verbs.Add($"Version({CSharpLiteral.String(version)})");
        }

        // A service has one port; a known kind without one listens on its default port.
        var candidates = PortsOf(service).Distinct().ToList();
        var port = candidates.FirstOrDefault(p => !_ports.ContainsKey(p));
        var fallback = ServiceKinds.DefaultPort(kind ?? name);
        if (candidates.Count > 0)
        {
            if (port == 0)
            {
                port = FreePort(candidates[0]);
                comments.Add($"port {candidates[0]} is taken by {_ports[candidates[0]]}: moved to {port}");
            }

            comments.AddRange(candidates.Where(p => p != port && !_ports.ContainsKey(p)).Select(p => $"port {p} left out: a service declares one port"));
            Claim(port, $"service '{name}'", comments);
            verbs.Add($"Port({port})");
        }
        else if (fallback is { } standard)
        {
            if (_ports.TryGetValue(standard, out var owner))
            {
                var moved = FreePort(standard);
                comments.Add($"default port {standard} is taken by {owner}: moved to {moved}");
                verbs.Add($"Port({moved})");
                Claim(moved, $"service '{name}'", comments);
            }
            else
            {
                Claim(standard, $"service '{name}'", comments);
            }
        }

        comments.AddRange(service.DependsOn.Select(d => $"depends on {d.Name} ({d.Condition}): a service cannot declare dependencies"));
        verbs.AddRange(EnvVerbs(service, name, isProject: false, comments));
        verbs.AddRange(HealthCheckVerb(service, comments));
        Statement(comments, $"Service({CSharpLiteral.String(name)})", verbs);
    }

    private string? ProjectPath(ComposeBuild build, List<string> comments)
    {
        if (build.Context.Contains("://", StringComparison.Ordinal) || build.Context.StartsWith("git@", StringComparison.Ordinal))
        {
            comments.Add($"built from {build.Context}: not a local folder");
            return null;
        }

        var relative = Path.GetRelativePath(_scriptDirectory, Path.GetFullPath(build.Context, _composeDirectory)).Replace('\\', '/');
        return relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? relative
            : "./" + relative;
    }

    private static IEnumerable<int> PortsOf(ComposeService service) => service.Ports.Select(p => p.HostPort ?? p.Container);

    private bool Claim(int port, string owner, List<string> comments)
    {
        if (_ports.TryGetValue(port, out var first))
        {
            comments.Add($"port {port} left out: already used by {first}");
            return false;
        }

        _ports[port] = owner;
        return true;
    }

    private int FreePort(int from)
    {
        var port = from;
        while (_ports.ContainsKey(port) || port < 1024)
        {
            port = port >= 65535 ? 1024 : port + 1;
        }

        return port;
    }

    private IEnumerable<string> EnvVerbs(ComposeService service, string name, bool isProject, List<string> comments)
    {
        foreach (var (key, value) in service.Environment)
        {
            if (!EnvKeyPattern().IsMatch(key))
            {
                comments.Add($"env {key} left out: not a shell variable name");
            }
            else if (value is null)
            {
                comments.Add($"env {key} left out: it takes its value from the environment, which does not set it");
            }
            else if (value.Contains('\0', StringComparison.Ordinal))
            {
                comments.Add($"env {key} left out: its value holds a NUL character");
            }
            else if (isProject && !_namespacedEnv.Add(EnvNamespacing.Namespaced(name, key)))
            {
                comments.Add($"env {key} left out: it would collide with another project's variable in composed shells");
            }
            else
            {
                yield return $"Env({CSharpLiteral.String(key)}, {CSharpLiteral.String(value)})";
            }
        }
    }

    private static IEnumerable<string> HealthCheckVerb(ComposeService service, List<string> comments)
    {
        switch (service.HealthCheck?.Test)
        {
            case null:
                break;
            // What `export compose` writes for Tcp and Http checks reads back as them.
            case ["CMD-SHELL", var command] when ComposeHealthCommands.Parse(command) is TcpHealthCheck tcp:
                yield return $"HealthCheck(Tcp({tcp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}))";
                break;
            case ["CMD-SHELL", var command] when ComposeHealthCommands.Parse(command) is HttpHealthCheck http:
                yield return $"HealthCheck(Http({CSharpLiteral.String(http.Url)}))";
                break;
            case ["CMD-SHELL", var command] when command.Trim().Length > 0:
                yield return $"HealthCheck(Exec({CSharpLiteral.String(command)}))";
                break;
            case ["CMD", _, ..] test:
                yield return $"HealthCheck(Exec({CSharpLiteral.String(string.Join(' ', test.Skip(1).Select(ShellWord)))}))";
                break;
            default:
                comments.Add("health check left out: it comes from the image");
                break;
        }
    }

    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@%+,".Contains(c, StringComparison.Ordinal)) ? word : Nix.ShellQuote.Single(word);

    private void NoteRename(ComposeService service, List<string> comments)
    {
        if (_names[service.Name] != service.Name)
        {
            comments.Add($"compose service '{service.Name}', renamed: Procurator names are lower-case letters, digits and '-'");
        }
    }

    private string UniqueName(string composeName) =>
        Naming.Unique(Naming.Sanitize(composeName, "service"), _names.Values.ToHashSet(StringComparer.Ordinal));

    private void Statement(List<string> comments, string head, List<string> verbs)
    {
        foreach (var comment in comments)
        {
            Line($"// {CSharpLiteral.Comment(comment)}");
        }

        if (verbs.Count == 0)
        {
            Line(head + ";");
            return;
        }

        Line(head);
        for (var i = 0; i < verbs.Count; i++)
        {
            Line($"    .{verbs[i]}{(i == verbs.Count - 1 ? ";" : string.Empty)}");
        }
    }

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
