using System.Text.Json;
using System.Text.RegularExpressions;

namespace Procurator.Discovery;

/// <summary>
/// <c>*.sln</c> and <c>*.csproj</c>/<c>*.fsproj</c>: the SDK from <c>global.json</c>'s <c>sdk.version</c>,
/// else the first <c>TargetFramework</c>; <c>dotnet test</c> for a solution or a test project.
/// A solution's folder is one project; project files beneath it are its members.
/// </summary>
internal static partial class DotnetProbe
{
    [GeneratedRegex(@"<TargetFrameworks?>\s*net(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TargetFramework();

    public static void Probe(ProbeContext context)
    {
        var solutions = context.Files.Where(f => f.EndsWith(".sln", StringComparison.Ordinal) || f.EndsWith(".slnx", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var projects = context.Files.Where(IsProjectFile).Order(StringComparer.Ordinal).ToArray();
        if (solutions.Length == 0 && projects.Length == 0)
        {
            return;
        }

        var project = context.Project;
        var manifest = solutions.Length > 0 ? solutions[0] : projects[0];
        project.Language("dotnet", manifest);
        project.ManifestName ??= Path.GetFileNameWithoutExtension(manifest);
        if (solutions.Length > 0)
        {
            project.MemberGlobs.Add(("dotnet", "**"));
        }

        // The SDK: global.json, else the target framework of the first project file.
        string? version = null;
        var from = manifest;
        if (context.Has("global.json") && StructuredFiles.Json(context.Log, project.File("global.json")) is { ValueKind: JsonValueKind.Object } global
            && global.TryGetProperty("sdk", out var sdk) && sdk.ValueKind == JsonValueKind.Object
            && sdk.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String)
        {
            (version, from) = (v.GetString(), "global.json");
        }
        else if (projects.Select(p => (File: p, Match: TargetFramework().Match(context.Read(p)))).FirstOrDefault(p => p.Match.Success) is { File: not null } target)
        {
            (version, from) = ($"net{target.Match.Groups[1].Value}", target.File);
        }

        project.Toolchain("dotnet", version, Toolchains.Dotnet(version), project.File(from));
        var testProject = projects.FirstOrDefault(p => context.Read(p).Contains("Microsoft.NET.Test.Sdk", StringComparison.Ordinal));
        if (solutions.Length > 0 || testProject is not null)
        {
            project.Check("test", "dotnet test", context.Source(testProject ?? manifest));
        }
    }

    public static bool IsProjectFile(string file) =>
        file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".fsproj", StringComparison.Ordinal) || file.EndsWith(".vbproj", StringComparison.Ordinal);
}
