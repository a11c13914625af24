using System.Diagnostics;
using Procurator.Cli.Commands.Control;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Processes;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// <c>procurator up -d</c>: re-runs this program as <c>up --foreground-daemon …</c> in a new session
/// (util-linux <c>setsid</c>), stdin from <c>/dev/null</c>, stdout and stderr appended to
/// <c>manager.log</c> in the workspace's state directory (<see cref="StatePaths"/>), and returns once the manager's control socket answers.
/// </summary>
internal static class DetachedLauncher
{
    /// <summary>The hidden option that makes <c>up</c> the detached manager itself.</summary>
    public const string DaemonOption = "--foreground-daemon";

    /// <summary>How long <c>up --wait</c> waits without <c>--timeout</c>: long enough for a first initdb, short enough for CI.</summary>
    public const int DefaultWaitSeconds = 120;

    private const string Redirect = "exec \"$0\" \"$@\" </dev/null >>\"$PROCURATOR_MANAGER_LOG\" 2>&1";

    // output: with --format json, a manager that fails before it is ready printed its problems as one JSON object, relayed to stdout
    // as it is; one that starts has its problems that block units relayed (as diagnostics, or in the JSON object printed at the end).
    // wait: with --wait, how long to wait for the units; null for -d alone.
    public static async Task<int> RunAsync(CliContext cli, ControlPaths paths, IReadOnlyList<string> upArguments, TimeSpan? wait, CommandOutput output, CancellationToken cancellationToken)
    {
        var json = output.IsJson;
        // Start the manager in its own session, detached from this terminal.
        paths.EnsureDirectory();
        var state = StatePaths.For(paths.Workspace);
        PrivateState.Prepare(state);
        var log = state.ManagerLog;
        PrivateState.PrivateFile(log); // before the shell appends to it: its umask would make it 0644
        var logStart = File.Exists(log) ? new FileInfo(log).Length : 0;
        var (file, arguments) = SessionLauncher.Locate().Wrap(["/bin/sh", "-c", Redirect, .. Self(), .. upArguments, DaemonOption]);
        var start = new ProcessStartInfo(file) { WorkingDirectory = cli.CurrentDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PROCURATOR_MANAGER_LOG"] = log;
        using var manager = Process.Start(start) ?? throw new InvalidOperationException("could not start the manager");

        // Wait until it answers on its socket, or say why it ended.
        var client = await AwaitManagerAsync(paths, manager, cancellationToken);
        if (client is null && json)
        {
            await cli.Out.WriteAsync(ReadFrom(log, logStart));
            return manager.HasExited && manager.ExitCode != 0 ? manager.ExitCode : ExitCodes.Invalid;
        }

        if (client is null)
        {
            await cli.Error.WriteLineAsync($"procurator: error: the manager exited before it was ready; its output ({log}):");
            await cli.Error.WriteAsync(ReadFrom(log, logStart));
            return ExitCodes.Invalid;
        }

        await using (client)
        {
            // Concurrent `up -d`: only one manager takes the lock; the others exit and their
            // launchers reach the winner, so the pid is the one that answered, never a dead one.
            if (client.Manager.Pid != manager.Id)
            {
                await cli.Error.WriteLineAsync($"procurator: a manager is already running for {paths.Workspace} (pid {client.Manager.Pid}); no second one was started");
                return await output.FinishAsync(wait is { } patience ? await WaitAsync(cli, paths, patience, cancellationToken) : ExitCodes.Ok);
            }

            // What blocks units was printed into the manager's log: say it here, where someone reads it.
            var status = await client.RequestAsync(new ControlRequest("status"), cancellationToken: cancellationToken);
            await output.DiagnosticsAsync((status.Status?.Problems ?? []).Select(ProblemReports.ToDiagnostic));

            await cli.Error.WriteLineAsync($"procurator: manager running in the background (pid {client.Manager.Pid}) for {paths.Workspace}");
            await cli.Error.WriteLineAsync($"procurator: state in {state.Directory} (unit logs in {state.Logs}, manager output in {log})");
            await cli.Error.WriteLineAsync("procurator: logs: procurator logs -f; status: procurator status; stop: procurator down");
        }

        return await output.FinishAsync(wait is { } timeout ? await WaitAsync(cli, paths, timeout, cancellationToken) : ExitCodes.Ok);
    }

    /// <summary>
    /// Asks the manager to report once every wanted unit is ready, or why not, printing each state
    /// change meanwhile (stderr); exit 1 with the reason chains, or after <paramref name="timeout"/>
    /// with what it still waited for.
    /// </summary>
    public static async Task<int> WaitAsync(CliContext cli, ControlPaths paths, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var client = await ControlTarget.ConnectOrSayAsync(cli, paths, cancellationToken);
        if (client is null)
        {
            return ExitCodes.Invalid;
        }

        // State changes as they happen, on a connection of their own, until the answer comes.
        using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = PrintChangesAsync(cli, paths, shown, following.Token);
        ControlResponse response;
        try
        {
            response = await client.RequestAsync(new ControlRequest("wait", TimeoutSeconds: timeout.TotalSeconds), cancellationToken: cancellationToken);
        }
        finally
        {
            await following.CancelAsync();
            await changes;
        }

        await PrintMissedAsync(cli, paths, shown, cancellationToken);

        if (response.Ok)
        {
            await cli.Error.WriteLineAsync("procurator: all ready");
            return ExitCodes.Ok;
        }

        if (response.Error is { } error && response.Failures is not null)
        {
            // Timed out: the answer lists what is still awaited.
            await cli.Error.WriteLineAsync($"procurator: {error}; still waiting for:");
        }

        foreach (var failure in response.Failures ?? [response.Error ?? "not ready"])
        {
            await cli.Error.WriteLineAsync($"procurator: {failure}");
        }

        await cli.Error.WriteLineAsync("procurator: not everything is ready; the manager keeps running (procurator status, procurator logs, procurator down)");
        return ExitCodes.Invalid;
    }

    /// <summary>Prints <c>procurator: api: running -> ready: ready: HTTP 200</c> per state change until cancelled; <paramref name="shown"/> gets each unit's last printed state.</summary>
    private static async Task PrintChangesAsync(CliContext cli, ControlPaths paths, Dictionary<string, string> shown, CancellationToken cancellationToken)
    {
        try
        {
            await using var events = await ControlClient.ConnectAsync(paths, cancellationToken: cancellationToken);
            if (events is null)
            {
                return;
            }

            // Changes made before this follower connected (a failure at the first spawn) show as where each unit is now.
            var now = await events.RequestAsync(new ControlRequest("status"), cancellationToken: cancellationToken);
            foreach (var unit in now.Status?.Units.Where(u => u.State != "pending") ?? [])
            {
                shown[unit.Name] = unit.State;
                await cli.Error.WriteLineAsync($"procurator: {unit.Name}: {unit.State}: {unit.Reason}");
            }

            await using var follower = await ControlClient.ConnectAsync(paths, cancellationToken: cancellationToken);
            if (follower is null)
            {
                return;
            }

            await foreach (var response in follower.SendAsync(new ControlRequest("events"), cancellationToken))
            {
                if (response.Event is { } change)
                {
                    shown[change.Unit] = change.To;
                    await cli.Error.WriteLineAsync($"procurator: {change.Unit}: {change.From} -> {change.To}: {change.Reason}");
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ControlException)
        {
            // The answer came (or the manager went away): the changes are no longer needed.
        }
    }

    /// <summary>
    /// The answer can overtake the last changes on the other connection (the one that settled the
    /// wait among them): prints where each unit is now when that is not what was printed last.
    /// </summary>
    private static async Task PrintMissedAsync(CliContext cli, ControlPaths paths, Dictionary<string, string> shown, CancellationToken cancellationToken)
    {
        try
        {
            await using var client = await ControlClient.ConnectAsync(paths, TimeSpan.Zero, cancellationToken);
            var now = client is null ? null : await client.RequestAsync(new ControlRequest("status"), cancellationToken: cancellationToken);
            foreach (var unit in now?.Status?.Units.Where(u => u.State != "pending" && shown.GetValueOrDefault(u.Name) != u.State) ?? [])
            {
                await cli.Error.WriteLineAsync($"procurator: {unit.Name}: {unit.State}: {unit.Reason}");
            }
        }
        catch (Exception e) when (e is IOException or ControlException)
        {
            // The manager went away meanwhile: nothing more to say.
        }
    }

    private static async Task<ControlClient?> AwaitManagerAsync(ControlPaths paths, Process manager, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(paths.Socket) && await ControlClient.ConnectAsync(paths, TimeSpan.Zero, cancellationToken) is { } client)
            {
                return client;
            }

            if (manager.HasExited)
            {
                return null;
            }

            await Task.Delay(100, cancellationToken);
        }

        return null;
    }

    /// <summary>How to run this program again: the apphost, or <c>dotnet procurator.dll</c>.</summary>
    private static string[] Self()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(DetachedLauncher).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == Path.GetFileNameWithoutExtension(assembly)
            ? [process]
            : [Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet", assembly];
    }

    private static string ReadFrom(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        stream.Position = Math.Min(offset, stream.Length);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
