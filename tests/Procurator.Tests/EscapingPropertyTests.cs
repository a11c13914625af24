using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CsCheck;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>
/// Hostile strings survive the trip script → flake → Nix evaluator → shell, byte for byte:
/// as env values (through the Nix string, then the shell quoting of the shell hook) and as
/// descriptions (a Nix string, and JSON through builtins.fromJSON).
/// </summary>
public sealed class EscapingPropertyTests
{
    private const int Count = 500;

    // Pieces that break naive escaping in Nix, the shell, JSON or C#; NUL is excluded
    // because Nix strings cannot hold it (the validator rejects it).
    private static readonly string[] Fragments =
    [
        "\"", "\\", "${", "$", "{", "}", "$${", "\\${", "''", "'''", "''${", "'", "\n", "\r", "\r\n", "\t",
        "`", "$(", ")", "\\n", "\\\"", "#", ";", "&&", "|", "*", "~", " ", "  ", "é", "ü", "✓", "🚀", "\u2028",
        "\u00a0", "\u200b", "\u001b[31m", "\u007f", "%s", "{{", "}}", "a", "Z", "0", "-", "EOF",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf(Fragments)),
        (2, Gen.Char['\u0001', '\u007f'].Select(c => c.ToString())),
        (1, Gen.Char['\u00a0', '\ud7ff'].Select(c => c.ToString())));

    private static readonly Gen<string> HostileString = Gen.Int[0, 12].SelectMany(n => Piece.Array[n]).Select(string.Concat);

    [NixFact]
    public void Env_values_and_descriptions_come_back_byte_exact() =>
        HostileString.Array[Count].Sample(
            strings => AssertRoundTrip(strings).GetAwaiter().GetResult(),
            iter: 1,
            threads: 1);

    private static async Task AssertRoundTrip(string[] values)
    {
        var nix = NixCli.Require();
        using var dir = new TempDirectory("escaping");
        var script = new StringBuilder("Workspace.Systems(\"x86_64-linux\");\n");
        for (var i = 0; i < values.Length; i++)
        {
            var literal = JsonSerializer.Serialize(values[i]); // a valid C# string literal too
            script.Append($"Project(\"p{i}\").Env(\"V\", {literal}).Description({literal});\n");
        }

        dir.Write("procurator.csx", script.ToString());
        var run = await CliRun.InAsync(dir.Path, "run");
        Assert.True(run.ExitCode == 0, run.Stderr);

        // Through Nix: each project shell's hook and description, and the JSON model.
        var shells = (await nix.EvalJsonAsync(dir.Path, "devShells.x86_64-linux",
            "shells: builtins.mapAttrs (n: s: { hook = s.shellHook or \"\"; description = s.meta.description or null; }) shells")).EnsureSuccess().Json();
        var model = (await nix.EvalJsonAsync(dir.Path, "procurator.projects")).EnsureSuccess().Json();
        var byName = model.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        // Through the shell: run every hook and print the variable it exports.
        var hooks = Enumerable.Range(0, values.Length).Select(i => shells.GetProperty($"p{i}").GetProperty("hook").GetString()!).ToArray();
        var exported = await RunHooksAsync(hooks);

        var mismatches = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var project = shells.GetProperty($"p{i}");
            Check(mismatches, i, "shell env", values[i], exported[i]);
            Check(mismatches, i, "meta.description", values[i], project.GetProperty("description").GetString());
            Check(mismatches, i, "json env", values[i], byName[$"p{i}"].GetProperty("env").GetProperty("V").GetString());
            Check(mismatches, i, "json description", values[i], byName[$"p{i}"].GetProperty("description").GetString());
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
    }

    private static void Check(List<string> mismatches, int index, string where, string expected, string? actual)
    {
        if (expected != actual)
        {
            mismatches.Add($"p{index} {where}: expected {JsonSerializer.Serialize(expected)}, got {JsonSerializer.Serialize(actual)}");
        }
    }

    /// <summary>Runs each hook in its own subshell of one bash and returns what <c>$V</c> held, NUL-separated.</summary>
    private static async Task<string[]> RunHooksAsync(string[] hooks)
    {
        var script = new StringBuilder();
        foreach (var hook in hooks)
        {
            script.Append("(\n").Append(hook).Append("\nprintf '%s\\0' \"$V\"\n)\n");
        }

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script.ToString());
        bash.StandardInput.Close();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, await stderr);
        var values = (await stdout).Split('\0');
        Assert.Equal(hooks.Length + 1, values.Length);
        return values[..^1];
    }
}
