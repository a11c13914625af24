using System.ComponentModel;
using System.Diagnostics;
using Procurator.Supervisor.Logs;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// Starts unit processes on Linux and macOS, each as the leader of its own session (see
/// <see cref="SessionLauncher"/>), so <see cref="IRunningProcess.Signal"/> reaches every
/// child and grandchild. The environment is the manager's plus the unit's overrides; stdin
/// is closed at once (units read end of file); stdout and stderr go line by line to the sink.
/// </summary>
internal sealed class PosixProcessRunner : IProcessRunner
{
    private readonly Guardian? _guardian;
    private readonly TimeProvider _time;
    private readonly SessionLauncher _launcher;
    private readonly bool _isRoot;

    /// <param name="guardian">Registers every unit session so that none outlives a killed manager; null for none.</param>
    /// <param name="time">Stamps output lines and times the drain after exit; defaults to the system clock.</param>
    public PosixProcessRunner(Guardian? guardian = null, TimeProvider? time = null)
    {
        _guardian = guardian;
        _time = time ?? TimeProvider.System;
        _launcher = SessionLauncher.Locate();
        _isRoot = Native.IsRoot;
    }

    /// <summary>
    /// How long <see cref="IRunningProcess.Exited"/> keeps waiting for the output pipes after the
    /// main process exited while no more bytes arrive. A daemonized grandchild may hold the pipes
    /// open forever; it is still listed by <see cref="IRunningProcess.LivePids"/>. Default 2 s.
    /// </summary>
    public TimeSpan DrainIdleTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public IRunningProcess Start(string unitName, CommandSpec command, ILogSink output)
    {
        var start = BuildStartInfo(unitName, command);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw StartFailed(unitName, command, "the process did not start");
        }
        catch (Win32Exception e)
        {
            throw StartFailed(unitName, command, e.Message, e);
        }

        _guardian?.Watch(process.Id);
        return RunningProcess.Attach(unitName, process, output, _time, _guardian, DrainIdleTimeout);
    }

    private ProcessStartInfo BuildStartInfo(string unitName, CommandSpec command)
    {
        // Checked here so a typo fails with a message that names the unit, not as exit 127 of setsid.
        if (!Directory.Exists(command.WorkingDirectory))
            throw StartFailed(unitName, command, $"working folder {command.WorkingDirectory} does not exist", permanent: true);

        var environment = MergedEnvironment(command.Environment);
        environment.TryGetValue("PATH", out var path);
        var executable = ExecutableLocator.Find(command.FileName, path)
            ?? throw StartFailed(unitName, command, command.FileName.Contains('/')
                ? $"'{command.FileName}' is not an executable file"
                : $"'{command.FileName}' was not found on PATH", permanent: true);

        var userPrefix = UserSwitch.Prefix(unitName, command.RunAsUser, _isRoot, path);
        var (fileName, arguments) = _launcher.Wrap([.. userPrefix, executable, .. command.Arguments]);
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = command.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return start;
    }

    private static Dictionary<string, string?> MergedEnvironment(IReadOnlyDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            merged[(string)entry.Key] = (string?)entry.Value;
        foreach (var (name, value) in overrides)
            merged[name] = value;
        return merged;
    }

    private static ProcessStartException StartFailed(string unitName, CommandSpec command, string reason, Exception? inner = null, bool permanent = false) =>
        new($"Cannot start unit '{unitName}': {reason} (command: {Describe(command)}).", inner) { Reason = reason, Permanent = permanent };

    private static string Describe(CommandSpec command) =>
        string.Join(' ', command.Arguments.Prepend(command.FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@%+,".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
