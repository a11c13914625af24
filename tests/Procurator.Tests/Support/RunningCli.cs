using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Procurator.Tests.Support;

/// <summary>
/// A long-running <c>procurator</c> process (<c>up</c>): output is collected line by line while
/// it runs, so a test can wait for a line, send it a signal, and read what it printed.
/// Disposing kills it (and its process tree) if it still runs.
/// </summary>
internal sealed class RunningCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningCli(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public static RunningCli Start(string directory, params string[] args) => Start(directory, null, args);

    /// <summary>True when this test process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), which children inherit.</summary>
    private static bool SigIntIgnored { get; } = File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;

    /// <summary>Starts <c>procurator ARGS</c> in <paramref name="directory"/> with more environment variables.</summary>
    public static RunningCli Start(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(SigIntIgnored ? "perl" : "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (SigIntIgnored)
        {
            // Tests started in the background (`dotnet test &`) inherit SIGINT ignored, and so would
            // procurator: its Ctrl-C handling would never run. perl (Debian's essential perl-base)
            // restores the default and execs, keeping the pid.
            foreach (var arg in new[] { "-e", "$SIG{INT} = 'DEFAULT'; $SIG{QUIT} = 'DEFAULT'; exec {$ARGV[0]} @ARGV or die \"exec: $!\"", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(ProcessRun.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PROCURATOR_CACHE_DIR"] = CliRun.TestCacheDirectory;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var cli = new RunningCli(process);
        process.OutputDataReceived += (_, e) => cli.Append(cli._stdout, cli._stdoutClosed, e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(cli._stderr, cli._stderrClosed, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; throws with the output so far when the deadline passes or the process exits first.</summary>
    public async Task WaitUntilAsync(Func<RunningCli, bool> condition, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (_process.HasExited && !condition(this))
            {
                await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(TimeSpan.FromSeconds(10));
                if (condition(this))
                    return;
                throw new TimeoutException($"procurator exited ({_process.ExitCode}) before {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            if (clock.Elapsed > deadline)
                throw new TimeoutException($"not {what} after {deadline.TotalSeconds} s.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does (through <c>kill -INT</c>).</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -INT {_process.Id} exited with {kill.ExitCode}");
    }

    /// <summary>Waits for the exit and for the output to be read to its end; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"procurator did not exit within {deadline.TotalSeconds} s.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        _process.Dispose();
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
            return builder.ToString();
    }

    private void Append(StringBuilder builder, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (builder)
            builder.Append(line).Append('\n');
    }
}
