using System.Text;
using System.Text.Json;
using Procurator.Discovery;
using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>
/// Issue 21, row 5: values <c>init</c> copies from a workflow into the starter script (here,
/// service env values holding <c>; //</c>, quotes, backslashes, line breaks) keep the script
/// compiling and come back unchanged from <c>procurator eval</c>.
/// </summary>
public sealed class StarterScriptLiteralTests
{
    private static readonly string[] Pieces = ["; //", "//", "/*", "*/", ";", "\"", "\\", "\n", "\r\n", "\t", "'", "$", " ", "#", ":", "\u00e9", "\U0001F600", "\u2028", "\u0085", "a", "x\" + \"y"];

    [Fact]
    public async Task Hostile_workflow_env_values_round_trip_through_the_starter_script()
    {
        var random = new Random(21);
        var values = Enumerable.Range(0, 120)
            .Select(i => string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)])))
            .Prepend("a; // b").Prepend("trailing; //").ToArray();
        using var dir = new TempDirectory();
        dir.Write("api/package.json", "{\"name\":\"api\",\"scripts\":{\"test\":\"jest\"}}\n");
        var env = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            env.Append("          V").Append(i).Append(": ").Append(JsonSerializer.Serialize(values[i])).Append('\n'); // JSON strings are YAML double-quoted scalars
        }

        dir.Write(".github/workflows/ci.yml", $"on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:15\n        env:\n{env}    steps:\n      - run: cd api && npm test\n");
        Assert.Equal(0, (await CliRun.InAsync(dir.Path, "init")).ExitCode);

        var eval = await CliRun.InAsync(dir.Path, "eval", "--json", "--no-cache");

        Assert.True(eval.ExitCode == 0, eval.Stderr + File.ReadAllText(dir.Combine("procurator.csx")));
        var read = JsonDocument.Parse(eval.Stdout).RootElement.GetProperty("services")[0].GetProperty("env");
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], read.GetProperty($"V{i}").GetString());
        }
    }

    [Fact]
    public void The_literal_writer_escapes_quotes_line_breaks_and_lone_surrogates()
    {
        Assert.Equal("\"a; // b\\\"\\n\\ud800\"", CSharpLiteral.String("a; // b\"\n\ud800"));
    }
}
