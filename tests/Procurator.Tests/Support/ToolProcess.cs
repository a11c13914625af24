using System.Diagnostics;
using System.Text;

namespace Procurator.Tests.Support;

/// <summary>The outcome of running an external tool (mmdc, dot) for a test.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr, string CommandLine)
{
    public override string ToString() => $"{CommandLine} exited {ExitCode}\n--- stderr ---\n{Stderr}\n--- stdout ---\n{Stdout}";
}

/// <summary>Runs an external tool without a shell, killing its whole tree when it runs too long.</summary>
internal static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(string executable, IReadOnlyList<string> args, string? workingDirectory = null, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var commandLine = string.Join(' ', [executable, .. args]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish in time");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr, commandLine);
    }
}
