using System.Diagnostics;

namespace Procurator.Tests.Support;

/// <summary>The <c>procurator</c> command run as a real process, the way a user runs it.</summary>
internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "procurator.dll");

    public static async Task<ProcessRun> InAsync(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PROCURATOR_CACHE_DIR"] = CliRun.TestCacheDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"procurator {string.Join(' ', args)} did not exit within 2 minutes");
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
