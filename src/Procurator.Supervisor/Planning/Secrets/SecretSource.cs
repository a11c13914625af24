using System.Diagnostics;
using Procurator.Model;

namespace Procurator.Supervisor.Planning.Secrets;

/// <summary>A secret's value, or why there is none (the words for the unit's reason).</summary>
internal readonly record struct SecretValue(string? Value, string? Missing);

/// <summary>Where <c>procurator up</c> reads secrets from; a fake in unit tests.</summary>
internal interface ISecretSource
{
    SecretValue Read(SecretModel secret, string workspaceDirectory);
}

/// <summary>
/// The real sources, in order: the environment <c>procurator up</c> runs in (so CI can pass
/// one), the workspace's <c>.env</c> file, then the secret's command, run through
/// <c>/bin/sh -c</c> in the workspace folder (its output, without the last newline).
/// </summary>
internal sealed class SecretSource(Func<string, string?> environment) : ISecretSource
{
    /// <summary>How long a secret's command (a password manager) may take.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private (string Directory, Dictionary<string, string> Values, string? Problem)? _dotEnv;

    public static SecretSource FromEnvironment() => new(Environment.GetEnvironmentVariable);

    public SecretValue Read(SecretModel secret, string workspaceDirectory)
    {
        if (environment(secret.Name) is { } set)
        {
            return new(set, null);
        }

        var (values, problem) = DotEnv(workspaceDirectory);
        if (values.TryGetValue(secret.Name, out var fromFile))
        {
            return new(fromFile, null);
        }

        if (secret.Command is { } command)
        {
            return RunCommand(secret.Name, command, workspaceDirectory);
        }

        return new(null, $"secret {secret.Name} is not set: export it, or put it in {Path.Combine(workspaceDirectory, ".env")} (git-ignored), or give it a command: Secret(\"{secret.Name}\", fromCommand: \"...\")"
            + (problem is null ? "" : $"; {problem}"));
    }

    private (Dictionary<string, string> Values, string? Problem) DotEnv(string directory)
    {
        if (_dotEnv is { } cached && cached.Directory == directory)
        {
            return (cached.Values, cached.Problem);
        }

        var file = Path.Combine(directory, ".env");
        Dictionary<string, string> values = [];
        string? problem = null;
        if (File.Exists(file))
        {
            var (parsed, problems) = DotEnvFile.Parse(File.ReadAllText(file));
            values = parsed;
            problem = problems.Count == 0 ? null : $"{file} {string.Join("; ", problems)}";
        }

        _dotEnv = (directory, values, problem);
        return (values, problem);
    }

    private static SecretValue RunCommand(string name, string command, string directory)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            return new(null, $"secret {name}: its command did not finish in {CommandTimeout.TotalSeconds:0} s: {command}");
        }

        if (process.ExitCode != 0)
        {
            var why = errors.Result.Trim().Split('\n')[^1];
            return new(null, $"secret {name}: its command exited {process.ExitCode}: {command}{(why.Length == 0 ? "" : $" ({why})")}");
        }

        var value = output.Result;
        return new(value.EndsWith('\n') ? value[..^1] : value, null);
    }
}
