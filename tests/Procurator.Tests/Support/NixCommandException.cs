using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Procurator.Tests.Support;

/// <summary>A Nix command failed; the message carries the command line, exit code and stderr.</summary>
internal sealed class NixCommandException : Exception
{
    public NixCommandException(NixResult result, string? problem = null)
        : base(Format(result, problem))
    {
        Result = result;
    }

    public NixResult Result { get; }

    private static string Format(NixResult r, string? problem)
    {
        var sb = new StringBuilder();
        sb.Append(problem ?? $"Nix exited with code {r.ExitCode}").Append(": ").AppendLine(r.CommandLine);
        sb.AppendLine("--- stderr ---").AppendLine(r.Stderr.TrimEnd());
        if (!string.IsNullOrWhiteSpace(r.Stdout))
        {
            var stdout = r.Stdout.Length > 4000 ? r.Stdout[..4000] + " …" : r.Stdout;
            sb.AppendLine("--- stdout ---").AppendLine(stdout.TrimEnd());
        }

        return sb.ToString();
    }
}
