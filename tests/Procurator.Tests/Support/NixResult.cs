using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Procurator.Tests.Support;

/// <summary>Outcome of one Nix command.</summary>
/// <param name="ExitCode">Process exit code.</param>
/// <param name="Stdout">Standard output (for <c>--json</c>: the JSON text).</param>
/// <param name="Stderr">Standard error (warnings, errors, traces).</param>
internal sealed record NixResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The command as run, for messages.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>True when the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws <see cref="NixCommandException"/> (with stderr) unless the exit code is 0.</summary>
    public NixResult EnsureSuccess() => Succeeded ? this : throw new NixCommandException(this);

    /// <summary>Parses stdout as JSON after <see cref="EnsureSuccess"/>.</summary>
    public JsonElement Json()
    {
        EnsureSuccess();
        try
        {
            using var doc = JsonDocument.Parse(Stdout);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new NixCommandException(this, $"stdout is not JSON: {e.Message}");
        }
    }

    /// <summary>Deserializes stdout as JSON after <see cref="EnsureSuccess"/>.</summary>
    public T Json<T>() => Json().Deserialize<T>()
        ?? throw new NixCommandException(this, $"stdout is JSON null, expected {typeof(T).Name}");
}
