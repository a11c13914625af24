using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 12: with <c>--format json</c>, stdout is the JSON object alone; what the script prints goes to stderr.</summary>
public sealed class JsonOutputOwnsStdoutTests
{
    [Fact]
    public async Task Script_output_goes_to_stderr_and_stdout_stays_one_json_object()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", "Console.WriteLine(\"junk{\");\nConsole.Write(\"more]\");\nProject(\"api\", \".\");\n");

        var run = await ProcessRun.InAsync(dir.Path, null, "validate", "--format", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal((0, true), (run.ExitCode, json.RootElement.GetProperty("ok").GetBoolean()));
        Assert.Equal("junk{\nmore]", run.Stderr);
    }
}
