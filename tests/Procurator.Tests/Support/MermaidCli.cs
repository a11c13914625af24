namespace Procurator.Tests.Support;

/// <summary>
/// The mermaid command line (<c>@mermaid-js/mermaid-cli</c>, an npm package): from
/// <c>PROCURATOR_MMDC</c>, else <c>tests/tools/node_modules/.bin/mmdc</c>, where
/// <c>.ci/run</c> installs it (<c>npm ci</c> in tests/tools, with PUPPETEER_SKIP_DOWNLOAD=1).
/// It renders with Debian's chromium, never a browser of its own.
/// </summary>
internal static class MermaidCli
{
    public const string Variable = "PROCURATOR_MMDC";

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", ".bin", "mmdc")
            : configured;
        return File.Exists(path) ? path : null;
    }

    public static string Require() =>
        Find() ?? throw new InvalidOperationException(
            $"mmdc not found: set {Variable} or run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/tools "
            + $"(or unset {IntegrationEnvironment.RequireVariable} to skip this test)");

    /// <summary><c>mmdc -p cfg.json -i in.mmd -o out.svg</c> with a puppeteer config that launches Debian's chromium.</summary>
    public static async Task<ToolResult> RenderAsync(string input, string output)
    {
        var config = Path.Combine(Path.GetDirectoryName(output)!, "puppeteer.json");
        var chromium = NixCli.FindExecutable("chromium") ?? "/usr/bin/chromium";
        await File.WriteAllTextAsync(config, $$"""{"executablePath":"{{chromium}}","args":["--no-sandbox","--disable-gpu"]}""");
        return await ToolProcess.RunAsync(Require(), ["-p", config, "-i", input, "-o", output, "--quiet"], timeout: TimeSpan.FromMinutes(3));
    }
}

/// <summary>A theory that needs mmdc and chromium; skipped without them unless integration is required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class MermaidCliTheoryAttribute : TheoryAttribute
{
    public MermaidCliTheoryAttribute()
    {
        var reason = IntegrationEnvironment.SkipReason(MermaidCli.Find() is not null, $"mmdc not found ({MermaidCli.Variable} or tests/tools)")
            ?? IntegrationEnvironment.SkipReasonForTools(["chromium"]);
        if (reason is not null)
        {
            Skip = reason;
        }
    }
}
