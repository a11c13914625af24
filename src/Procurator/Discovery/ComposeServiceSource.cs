using System.Globalization;
using Procurator.Compose;
using Procurator.Diagnostics;

namespace Procurator.Discovery;

/// <summary>
/// The compose importer behind the scan's seam: every compose service that runs an image and
/// is not built from the repository becomes a backing service, with its published ports,
/// environment, health check and dependencies. Services built from source are the
/// repository's own projects, which the manifests already describe.
/// </summary>
internal sealed class ComposeServiceSource : IComposeServiceSource
{
    public static ComposeServiceSource Instance { get; } = new();

    public ComposeServices Read(string fullPath, string relativePath)
    {
        var result = ComposeLoader.Load(fullPath, ComposeLoadOptions.FromDisk(ComposeLoadOptions.ProcessEnvironment()));
        var diagnostics = result.Diagnostics.Select(d => Relative(d, fullPath, relativePath)).ToArray();
        if (result.Project is not { } project)
        {
            return new ComposeServices([], diagnostics);
        }

        var services = project.Services
            .Where(s => s.Image is not null && s.Build is null)
            .Select(s => new DiscoveredService(
                s.Name,
                ServiceKindMap.KindOf(s.Image!),
                s.Image!.Text,
                ServiceKindMap.VersionOf(s.Image!), // "16" of "16-alpine"; "alpine" is no version
                s.Ports.Select(p => p.HostPort).OfType<int>().Distinct().ToArray(),
                s.Environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal),
                HealthCheck(s.HealthCheck),
                s.DependsOn.Select(d => d.Name).ToArray(),
                new SourceRef(relativePath, s.Location.Line)))
            .ToArray();
        return new ComposeServices(services, diagnostics);
    }

    /// <summary><c>CMD-SHELL</c> keeps its shell line; <c>CMD</c> arguments are joined as a shell command.</summary>
    private static DiscoveredHealthCheck? HealthCheck(ComposeHealthCheck? check)
    {
        var test = check?.Test.ToArray() ?? [];
        return test switch
        {
            ["CMD-SHELL", var line] => Exec(line, check!),
            ["CMD", .. var args] when args.Length > 0 => Exec(string.Join(' ', args.Select(Quote)), check!),
            _ => null,
        };
    }

    private static DiscoveredHealthCheck Exec(string command, ComposeHealthCheck check) => new(
        "exec", Command: command, Interval: Seconds(check.IntervalSeconds), Timeout: Seconds(check.TimeoutSeconds), Retries: check.Retries);

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c)) ? arg : Nix.ShellQuote.Single(arg);

    private static Diagnostic Relative(Diagnostic diagnostic, string fullPath, string relativePath) =>
        diagnostic.Location is { } at && at.File == fullPath ? diagnostic with { Location = at with { File = relativePath } } : diagnostic;
}
