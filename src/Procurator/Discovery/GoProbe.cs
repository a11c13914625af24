using System.Text.RegularExpressions;

namespace Procurator.Discovery;

/// <summary><c>go.mod</c> (module name, the <c>go</c> line) and <c>go.work</c> (its <c>use</c> folders are members); <c>go test ./...</c>.</summary>
internal static partial class GoProbe
{
    [GeneratedRegex(@"^\s*go\s+(\d[\w.]*)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GoLine();

    [GeneratedRegex(@"^\s*module\s+(\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^\s*(?:use\s+)?(\.{1,2}/?[^\s()]*)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex UseEntry();

    public static void Probe(ProbeContext context)
    {
        var file = context.Has("go.work") ? "go.work" : context.Has("go.mod") ? "go.mod" : null;
        if (file is null)
        {
            return;
        }

        var project = context.Project;
        project.Language("go", file);
        var text = context.Read(file);
        if (context.Has("go.mod") && ModuleLine().Match(context.Read("go.mod")) is { Success: true } module)
        {
            project.ManifestName ??= module.Groups[1].Value.Split('/')[^1];
        }

        if (file == "go.work")
        {
            project.MemberGlobs.AddRange(UseEntry().Matches(text).Select(m => ("go", m.Groups[1].Value)).Where(m => m.Item2 is not ("." or "./")));
        }

        var version = GoLine().Match(text) is { Success: true } line ? line.Groups[1].Value : null;
        project.Toolchain("go", version, Toolchains.Go(), project.File(file));
        project.Check("test", "go test ./...", context.Source(file));
    }
}
